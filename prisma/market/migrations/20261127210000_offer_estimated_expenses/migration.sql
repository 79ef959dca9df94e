-- Offers priced from the figures (issue #10): an offer may carry the promoter's estimate of
-- the show's expenses, in the terms' currency, from which Market works out the break-even
-- and the artist's walkout potential. It is an offer's own term, not part of the deal
-- vocabulary (a settlement counts the show's actual expenses). Versions are append-only:
-- the versions written before keep no estimate (null), and adding a column changes none.

ALTER TABLE "market"."deal_terms_version"
    ADD COLUMN "estimated_expenses" DECIMAL(19,4),
    ADD CONSTRAINT "deal_terms_version_estimated_expenses_not_negative" CHECK ("estimated_expenses" >= 0);
