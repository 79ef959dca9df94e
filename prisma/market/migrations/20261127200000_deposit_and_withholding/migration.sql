-- Money owed around the payout (issue #10): any deal may carry a deposit, paid to the artist
-- before the show on account, and a withholding rate, the artist's tax the promoter withholds
-- from the payout. Versions are append-only: the versions written before keep neither (null).

ALTER TABLE "market"."deal_terms_version"
    ADD COLUMN "deposit" DECIMAL(19,4),
    ADD COLUMN "withholding_rate" DECIMAL(5,2),
    ADD CONSTRAINT "deal_terms_version_deposit_not_negative" CHECK ("deposit" >= 0),
    ADD CONSTRAINT "deal_terms_version_withholding_rate_range" CHECK ("withholding_rate" > 0 AND "withholding_rate" <= 100);
