-- Market's terms speak the kit's shared deal vocabulary (docs/deals.md): three more deal
-- types, the per-ticket amount, the promoter profit (a percentage of the expenses, or an
-- amount) and the expense cap. The split point is no longer a term: it is worked out as
-- expenses + guarantee + promoter profit. A stored split point meant the net above which
-- the artist shared (guarantee + promoter profit), so each plus deal's version keeps it as
-- its promoter profit amount, split point - guarantee (never below zero).
--
-- The migration runs in one transaction, where the enum values it adds cannot be used yet:
-- the CHECK below compares "deal_type"::text with text, never with the new values.

ALTER TYPE "market"."deal_type" ADD VALUE 'GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS' AFTER 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET';
ALTER TYPE "market"."deal_type" ADD VALUE 'DOOR_DEAL_AFTER_EXPENSES' AFTER 'DOOR_DEAL';
ALTER TYPE "market"."deal_type" ADD VALUE 'PER_TICKET' AFTER 'DOOR_DEAL_AFTER_EXPENSES';

ALTER TABLE "market"."deal_terms_version"
    ADD COLUMN "per_ticket" DECIMAL(19,4),
    ADD COLUMN "promoter_profit_percentage" DECIMAL(5,2),
    ADD COLUMN "promoter_profit_amount" DECIMAL(19,4),
    ADD COLUMN "expense_cap" DECIMAL(19,4),
    DROP CONSTRAINT "deal_terms_version_terms_match_type",
    DROP CONSTRAINT "deal_terms_version_split_point_not_negative";

-- Versions are append-only; this one conversion is the only change ever made to them, and
-- the trigger is off for this statement alone.
ALTER TABLE "market"."deal_terms_version" DISABLE TRIGGER "deal_terms_version_append_only";
UPDATE "market"."deal_terms_version"
SET "promoter_profit_amount" = GREATEST("split_point" - "guarantee", 0)
WHERE "deal_type"::text = 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT';
ALTER TABLE "market"."deal_terms_version" ENABLE TRIGGER "deal_terms_version_append_only";

-- A contract holds no terms of its own (it points at the version its deal accepted), so
-- nothing else stores a split point.
ALTER TABLE "market"."deal_terms_version" DROP COLUMN "split_point";

-- Each deal type carries exactly the terms it takes (the kit's TERMS_OF_DEAL_TYPE): the
-- required ones set, the optional ones set or not, every other one null.
ALTER TABLE "market"."deal_terms_version"
    ADD CONSTRAINT "deal_terms_version_terms_match_type" CHECK (
        CASE "deal_type"::text
            WHEN 'FLAT_GUARANTEE' THEN "guarantee" IS NOT NULL
                AND num_nonnulls("percentage", "per_ticket", "promoter_profit_percentage", "promoter_profit_amount", "expense_cap") = 0
            WHEN 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET' THEN num_nulls("guarantee", "percentage") = 0
                AND "per_ticket" IS NULL
            WHEN 'GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS' THEN num_nulls("guarantee", "percentage") = 0
                AND num_nonnulls("per_ticket", "promoter_profit_percentage", "promoter_profit_amount", "expense_cap") = 0
            WHEN 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT' THEN num_nulls("guarantee", "percentage") = 0
                AND "per_ticket" IS NULL
            WHEN 'DOOR_DEAL' THEN "percentage" IS NOT NULL
                AND num_nonnulls("guarantee", "per_ticket", "promoter_profit_percentage", "promoter_profit_amount", "expense_cap") = 0
            WHEN 'DOOR_DEAL_AFTER_EXPENSES' THEN "percentage" IS NOT NULL
                AND num_nonnulls("guarantee", "per_ticket", "promoter_profit_percentage", "promoter_profit_amount") = 0
            WHEN 'PER_TICKET' THEN "per_ticket" IS NOT NULL
                AND num_nonnulls("percentage", "promoter_profit_percentage", "promoter_profit_amount", "expense_cap") = 0
            ELSE FALSE
        END
    ),
    -- The promoter profit is a percentage of the expenses or an amount, not both.
    ADD CONSTRAINT "deal_terms_version_one_promoter_profit" CHECK (num_nonnulls("promoter_profit_percentage", "promoter_profit_amount") <= 1),
    ADD CONSTRAINT "deal_terms_version_per_ticket_positive" CHECK ("per_ticket" > 0),
    ADD CONSTRAINT "deal_terms_version_promoter_profit_percentage_range" CHECK ("promoter_profit_percentage" > 0 AND "promoter_profit_percentage" <= 100),
    ADD CONSTRAINT "deal_terms_version_promoter_profit_amount_not_negative" CHECK ("promoter_profit_amount" >= 0),
    ADD CONSTRAINT "deal_terms_version_expense_cap_not_negative" CHECK ("expense_cap" >= 0);
