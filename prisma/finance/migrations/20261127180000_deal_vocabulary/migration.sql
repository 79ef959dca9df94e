-- Finance's settlements speak the kit's shared deal vocabulary (shared/src/deals): three
-- more deal types, the per-ticket amount, the promoter profit (a percentage of the
-- expenses, or an amount), the expense cap and ticket-count bonuses. The split point is no
-- longer a term: it is worked out as expenses + guarantee + promoter profit. A stored split
-- point meant the net above which the artist shared (guarantee + promoter profit), so each
-- plus deal keeps it as its promoter profit amount, split point - guarantee, which pays the
-- artist the same on the same figures. A split point below the guarantee would be a
-- promoter profit below zero, which no deal states: it becomes zero, and such a draft pays
-- the percentage above expenses + guarantee from now on (approved sheets stay frozen).
--
-- The migration runs in one transaction, where the enum values it adds cannot be used yet:
-- the CHECKs below compare "deal_type"::text with text, never with the new values.

ALTER TYPE "finance"."deal_type" ADD VALUE 'GUARANTEE_VERSUS_PERCENTAGE_OF_GROSS' AFTER 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET';
ALTER TYPE "finance"."deal_type" ADD VALUE 'DOOR_DEAL_AFTER_EXPENSES' AFTER 'DOOR_DEAL';
ALTER TYPE "finance"."deal_type" ADD VALUE 'PER_TICKET' AFTER 'DOOR_DEAL_AFTER_EXPENSES';
ALTER TYPE "finance"."settlement_line_kind" ADD VALUE 'ARTIST_BONUS' AFTER 'ARTIST_PAYOUT';

ALTER TABLE "finance"."settlement"
    ADD COLUMN "per_ticket" DECIMAL(19,4),
    ADD COLUMN "promoter_profit_percentage" DECIMAL(5,2),
    ADD COLUMN "promoter_profit_amount" DECIMAL(19,4),
    ADD COLUMN "expense_cap" DECIMAL(19,4),
    -- Frozen at approval with the other frozen figures; null where the deal has no such
    -- figure (a ticket count only for a deal paid by one, a split point only for a plus deal).
    ADD COLUMN "frozen_tickets_sold" INTEGER,
    ADD COLUMN "frozen_promoter_profit" DECIMAL(19,4),
    ADD COLUMN "frozen_split_point" DECIMAL(19,4),
    DROP CONSTRAINT "settlement_deal_terms_match_type",
    DROP CONSTRAINT "settlement_split_point_not_negative",
    DROP CONSTRAINT "settlement_approval_frozen";

UPDATE "finance"."settlement"
SET "promoter_profit_amount" = GREATEST("split_point" - "guarantee", 0)
WHERE "deal_type"::text = 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT';

ALTER TABLE "finance"."settlement" DROP COLUMN "split_point";

-- Each deal type carries exactly the terms it takes (the kit's TERMS_OF_DEAL_TYPE): the
-- required ones set, the optional ones set or not, every other one null.
ALTER TABLE "finance"."settlement"
    ADD CONSTRAINT "settlement_deal_terms_match_type" CHECK (
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
    ADD CONSTRAINT "settlement_one_promoter_profit" CHECK (num_nonnulls("promoter_profit_percentage", "promoter_profit_amount") <= 1),
    ADD CONSTRAINT "settlement_per_ticket_positive" CHECK ("per_ticket" > 0),
    ADD CONSTRAINT "settlement_promoter_profit_percentage_range" CHECK ("promoter_profit_percentage" > 0 AND "promoter_profit_percentage" <= 100),
    ADD CONSTRAINT "settlement_promoter_profit_amount_not_negative" CHECK ("promoter_profit_amount" >= 0),
    ADD CONSTRAINT "settlement_expense_cap_not_negative" CHECK ("expense_cap" >= 0),
    -- Approval and the frozen figures come together: a draft has none of them, an approved
    -- or paid settlement its approver and all seven totals. The ticket count, promoter
    -- profit and split point are frozen where the deal has them (and settlements approved
    -- before they existed have none), so only a draft's absence of them is required.
    ADD CONSTRAINT "settlement_approval_frozen" CHECK (
        CASE WHEN "status" = 'DRAFT'
            THEN num_nonnulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                              "frozen_total_expenses", "frozen_net", "frozen_artist_payout", "frozen_promoter_result",
                              "frozen_tickets_sold", "frozen_promoter_profit", "frozen_split_point") = 0
            ELSE num_nulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                           "frozen_total_expenses", "frozen_net", "frozen_artist_payout", "frozen_promoter_result") = 0
        END
    ),
    ADD CONSTRAINT "settlement_frozen_tickets_sold_range" CHECK ("frozen_tickets_sold" BETWEEN 0 AND 1000000),
    -- Only a plus deal has a split point; only a deal that takes a promoter profit has one.
    ADD CONSTRAINT "settlement_frozen_split_point_fits_type" CHECK (
        "frozen_split_point" IS NULL OR "deal_type"::text = 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT'
    ),
    ADD CONSTRAINT "settlement_frozen_promoter_profit_fits_type" CHECK (
        "frozen_promoter_profit" IS NULL OR "deal_type"::text IN ('GUARANTEE_VERSUS_PERCENTAGE_OF_NET', 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT')
    );

-- A settlement's ticket-count bonuses, lowest threshold first (position 0). Like its
-- deductions, they are held to the settlement's company and currency by the composite
-- foreign key, and deleted with it.
CREATE TABLE "finance"."settlement_ticket_bonus" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "tickets_sold" INTEGER NOT NULL,
    "bonus" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_ticket_bonus_pkey" PRIMARY KEY ("settlement_id", "position"),
    CONSTRAINT "settlement_ticket_bonus_position_not_negative" CHECK ("position" >= 0),
    -- No event sells more tickets: Base bounds an event's capacity at 1,000,000.
    CONSTRAINT "settlement_ticket_bonus_tickets_sold_range" CHECK ("tickets_sold" BETWEEN 1 AND 1000000),
    CONSTRAINT "settlement_ticket_bonus_bonus_positive" CHECK ("bonus" > 0)
);

-- Each threshold once per settlement.
CREATE UNIQUE INDEX "settlement_ticket_bonus_settlement_id_tickets_sold_key" ON "finance"."settlement_ticket_bonus" ("settlement_id", "tickets_sold");

-- ON UPDATE RESTRICT: a settlement's currency cannot change under bonuses written in another.
ALTER TABLE "finance"."settlement_ticket_bonus"
    ADD CONSTRAINT "settlement_ticket_bonus_company_id_settlement_id_currency_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "currency") REFERENCES "finance"."settlement" ("company_id", "id", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
