-- Deductions as rates, and expenses on the artist's sheet or house only (issue #10).
--
-- A settlement's deduction is worked out by its basis: a flat amount (what every deduction
-- was before, and still the default), an amount per paid ticket, a percentage of the gross
-- or a tax rate, included in the ticket price or added on top. A rate is taken of the gross
-- less the deductions above it; approval freezes each deduction's base and amount.
--
-- An expense is on the artist's sheet (the default: every expense stored before is) or house
-- only: the acts' deals count only the former, the promoter's books both. A settlement then
-- has two sheets, the artist's and the promoter's (INTERNAL): approval freezes both, their
-- lines told apart by `sheet`, with the house-only expenses and the result the artist's
-- sheet shows. A settlement approved before had no house-only expense: its artist's sheet
-- is its sheet, line for line.

CREATE TYPE "finance"."expense_sheet" AS ENUM ('ARTIST_SHEET', 'HOUSE_ONLY');

ALTER TABLE "finance"."expense" ADD COLUMN "sheet" "finance"."expense_sheet" NOT NULL DEFAULT 'ARTIST_SHEET';

CREATE TYPE "finance"."deduction_basis" AS ENUM ('FLAT', 'PER_TICKET', 'PERCENTAGE_OF_GROSS', 'TAX_INCLUDED_IN_PRICE', 'TAX_ADDED_TO_PRICE');

ALTER TABLE "finance"."settlement_deduction"
    ADD COLUMN "basis" "finance"."deduction_basis" NOT NULL DEFAULT 'FLAT',
    ADD COLUMN "per_ticket" DECIMAL(19,4),
    ADD COLUMN "rate" DECIMAL(5,2),
    ADD COLUMN "frozen_base" DECIMAL(19,4),
    ADD COLUMN "frozen_amount" DECIMAL(19,4),
    ALTER COLUMN "amount" DROP NOT NULL;

-- An approved flat deduction was frozen at its amount.
UPDATE "finance"."settlement_deduction" d
SET "frozen_amount" = d."amount"
FROM "finance"."settlement" s
WHERE s."company_id" = d."company_id" AND s."id" = d."settlement_id" AND s."status" <> 'DRAFT';

ALTER TABLE "finance"."settlement_deduction"
    -- Exactly the term the basis is worked out from: the amount, the per-ticket amount or the rate.
    ADD CONSTRAINT "settlement_deduction_terms_fit_basis" CHECK (
        CASE "basis"
            WHEN 'FLAT' THEN "amount" IS NOT NULL AND "per_ticket" IS NULL AND "rate" IS NULL
            WHEN 'PER_TICKET' THEN "per_ticket" IS NOT NULL AND "amount" IS NULL AND "rate" IS NULL
            ELSE "rate" IS NOT NULL AND "amount" IS NULL AND "per_ticket" IS NULL
        END
    ),
    ADD CONSTRAINT "settlement_deduction_per_ticket_positive" CHECK ("per_ticket" > 0),
    ADD CONSTRAINT "settlement_deduction_rate_range" CHECK ("rate" > 0 AND "rate" <= 100),
    ADD CONSTRAINT "settlement_deduction_frozen_not_negative" CHECK ("frozen_amount" >= 0 AND "frozen_base" >= 0),
    -- Only a rate has a base, frozen with its amount; a flat deduction is frozen at its amount.
    ADD CONSTRAINT "settlement_deduction_frozen_base_fits_basis" CHECK (
        CASE
            WHEN "basis" IN ('FLAT', 'PER_TICKET') THEN "frozen_base" IS NULL
            ELSE num_nulls("frozen_base", "frozen_amount") IN (0, 2)
        END
    ),
    ADD CONSTRAINT "settlement_deduction_frozen_flat_amount" CHECK ("basis" <> 'FLAT' OR "frozen_amount" = "amount");

CREATE TYPE "finance"."settlement_sheet" AS ENUM ('INTERNAL', 'ARTIST');

ALTER TYPE "finance"."settlement_line_kind" ADD VALUE 'HOUSE_EXPENSE' AFTER 'ARTIST_BONUS';
ALTER TYPE "finance"."settlement_line_kind" ADD VALUE 'TOTAL_HOUSE_EXPENSES' AFTER 'HOUSE_EXPENSE';

-- A sheet's line position is the key with the settlement and the sheet: each sheet is written once.
ALTER TABLE "finance"."settlement_line"
    ADD COLUMN "sheet" "finance"."settlement_sheet" NOT NULL DEFAULT 'INTERNAL',
    DROP CONSTRAINT "settlement_line_pkey",
    ADD CONSTRAINT "settlement_line_pkey" PRIMARY KEY ("settlement_id", "sheet", "position");

INSERT INTO "finance"."settlement_line" ("company_id", "settlement_id", "sheet", "position", "kind", "label", "amount")
SELECT "company_id", "settlement_id", 'ARTIST', "position", "kind", "label", "amount"
FROM "finance"."settlement_line"
WHERE "sheet" = 'INTERNAL';

ALTER TABLE "finance"."settlement"
    ADD COLUMN "frozen_house_expenses" DECIMAL(19,4),
    ADD COLUMN "frozen_artist_promoter_result" DECIMAL(19,4);

UPDATE "finance"."settlement"
SET "frozen_house_expenses" = 0, "frozen_artist_promoter_result" = "frozen_promoter_result"
WHERE "frozen_promoter_result" IS NOT NULL;

ALTER TABLE "finance"."settlement"
    -- Frozen with the other totals, and adding up: the promoter's books take the house-only
    -- expenses off the result the artist's sheet shows.
    ADD CONSTRAINT "settlement_frozen_sheets_together" CHECK (num_nulls("frozen_promoter_result", "frozen_house_expenses", "frozen_artist_promoter_result") IN (0, 3)),
    ADD CONSTRAINT "settlement_frozen_house_expenses_not_negative" CHECK ("frozen_house_expenses" >= 0),
    ADD CONSTRAINT "settlement_frozen_promoter_result_after_house" CHECK ("frozen_promoter_result" = "frozen_artist_promoter_result" - "frozen_house_expenses");
