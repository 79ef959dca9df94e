-- Finance's ledger (expenses, income) and artist settlements. Events and artists are
-- Base's: only their ids are kept here, so there is no foreign key to them; Finance
-- checks they exist through Base's API when an id is given.

CREATE SCHEMA IF NOT EXISTS "finance";

CREATE TYPE "finance"."expense_category" AS ENUM ('PRODUCTION', 'MARKETING', 'HOSPITALITY', 'TRAVEL', 'STAFFING', 'VENUE_RENT', 'OTHER');
CREATE TYPE "finance"."income_source" AS ENUM ('TICKETING', 'MERCHANDISE', 'SPONSORSHIP', 'BAR', 'OTHER');
CREATE TYPE "finance"."deal_type" AS ENUM ('FLAT_GUARANTEE', 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET', 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT', 'DOOR_DEAL');
CREATE TYPE "finance"."settlement_status" AS ENUM ('DRAFT', 'APPROVED', 'PAID');
CREATE TYPE "finance"."settlement_line_kind" AS ENUM ('GROSS_TICKET_SALES', 'DEDUCTION', 'ADJUSTED_GROSS', 'EXPENSE', 'TOTAL_EXPENSES', 'NET', 'ARTIST_PAYOUT', 'PROMOTER_RESULT');

CREATE TABLE "finance"."expense" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "event_id" UUID,
    "category" "finance"."expense_category" NOT NULL,
    "description" TEXT NOT NULL,
    "vendor" TEXT,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "incurred_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "expense_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "expense_description_present" CHECK (btrim("description") <> ''),
    CONSTRAINT "expense_vendor_present" CHECK ("vendor" IS NULL OR btrim("vendor") <> ''),
    CONSTRAINT "expense_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "expense_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$')
);

CREATE INDEX "expense_company_id_incurred_on_id_idx" ON "finance"."expense" ("company_id", "incurred_on" DESC, "id" DESC);
CREATE INDEX "expense_company_id_event_id_incurred_on_id_idx" ON "finance"."expense" ("company_id", "event_id", "incurred_on" DESC, "id" DESC);

CREATE TABLE "finance"."income" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "event_id" UUID,
    "source" "finance"."income_source" NOT NULL,
    "description" TEXT NOT NULL,
    "payer" TEXT,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "received_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "income_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "income_description_present" CHECK (btrim("description") <> ''),
    CONSTRAINT "income_payer_present" CHECK ("payer" IS NULL OR btrim("payer") <> ''),
    CONSTRAINT "income_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "income_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$')
);

CREATE INDEX "income_company_id_received_on_id_idx" ON "finance"."income" ("company_id", "received_on" DESC, "id" DESC);
CREATE INDEX "income_company_id_event_id_received_on_id_idx" ON "finance"."income" ("company_id", "event_id", "received_on" DESC, "id" DESC);

CREATE TABLE "finance"."settlement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "status" "finance"."settlement_status" NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "deal_type" "finance"."deal_type" NOT NULL,
    "guarantee" DECIMAL(19,4),
    "percentage" DECIMAL(5,2),
    "split_point" DECIMAL(19,4),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,
    "approved_at" TIMESTAMPTZ(3),
    "approved_by" UUID,
    "frozen_gross_ticket_sales" DECIMAL(19,4),
    "frozen_deductions" DECIMAL(19,4),
    "frozen_adjusted_gross" DECIMAL(19,4),
    "frozen_total_expenses" DECIMAL(19,4),
    "frozen_net" DECIMAL(19,4),
    "frozen_artist_payout" DECIMAL(19,4),
    "frozen_promoter_result" DECIMAL(19,4),
    "payment_reference" TEXT,
    "paid_on" DATE,
    "payment_recorded_at" TIMESTAMPTZ(3),
    "payment_recorded_by" UUID,

    CONSTRAINT "settlement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "settlement_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$'),
    -- Each deal type carries exactly the terms it is computed from.
    CONSTRAINT "settlement_deal_terms_match_type" CHECK (
        CASE "deal_type"
            WHEN 'FLAT_GUARANTEE' THEN "guarantee" IS NOT NULL AND "percentage" IS NULL AND "split_point" IS NULL
            WHEN 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET' THEN "guarantee" IS NOT NULL AND "percentage" IS NOT NULL AND "split_point" IS NULL
            WHEN 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT' THEN "guarantee" IS NOT NULL AND "percentage" IS NOT NULL AND "split_point" IS NOT NULL
            WHEN 'DOOR_DEAL' THEN "guarantee" IS NULL AND "percentage" IS NOT NULL AND "split_point" IS NULL
        END
    ),
    CONSTRAINT "settlement_guarantee_not_negative" CHECK ("guarantee" >= 0),
    CONSTRAINT "settlement_percentage_range" CHECK ("percentage" > 0 AND "percentage" <= 100),
    CONSTRAINT "settlement_split_point_not_negative" CHECK ("split_point" >= 0),
    -- Approval and the frozen figures come together: a draft has none of them, an
    -- approved or paid settlement all of them, so its figures can never be recomputed.
    CONSTRAINT "settlement_approval_frozen" CHECK (
        CASE WHEN "status" = 'DRAFT'
            THEN num_nonnulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                              "frozen_total_expenses", "frozen_net", "frozen_artist_payout", "frozen_promoter_result") = 0
            ELSE num_nulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                           "frozen_total_expenses", "frozen_net", "frozen_artist_payout", "frozen_promoter_result") = 0
        END
    ),
    -- A paid settlement carries its whole payment record; no other one carries any of it.
    CONSTRAINT "settlement_payment_recorded" CHECK (
        CASE WHEN "status" = 'PAID'
            THEN num_nulls("payment_reference", "paid_on", "payment_recorded_at", "payment_recorded_by") = 0
            ELSE num_nonnulls("payment_reference", "paid_on", "payment_recorded_at", "payment_recorded_by") = 0
        END
    ),
    CONSTRAINT "settlement_payment_reference_present" CHECK ("payment_reference" IS NULL OR btrim("payment_reference") <> '')
);

-- One settlement per event and artist.
CREATE UNIQUE INDEX "settlement_company_id_event_id_artist_id_key" ON "finance"."settlement" ("company_id", "event_id", "artist_id");
-- Targets of the composite foreign keys that keep deductions and lines in the
-- settlement's company, and deductions in its currency.
CREATE UNIQUE INDEX "settlement_company_id_id_key" ON "finance"."settlement" ("company_id", "id");
CREATE UNIQUE INDEX "settlement_company_id_id_currency_key" ON "finance"."settlement" ("company_id", "id", "currency");
CREATE INDEX "settlement_company_id_created_at_id_idx" ON "finance"."settlement" ("company_id", "created_at" DESC, "id" DESC);
CREATE INDEX "settlement_company_id_artist_id_created_at_id_idx" ON "finance"."settlement" ("company_id", "artist_id", "created_at" DESC, "id" DESC);

CREATE TABLE "finance"."settlement_deduction" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_deduction_pkey" PRIMARY KEY ("settlement_id", "position"),
    CONSTRAINT "settlement_deduction_position_not_negative" CHECK ("position" >= 0),
    CONSTRAINT "settlement_deduction_label_present" CHECK (btrim("label") <> ''),
    CONSTRAINT "settlement_deduction_amount_not_negative" CHECK ("amount" >= 0)
);

-- ON UPDATE RESTRICT: a settlement's currency cannot change under deductions written in another.
ALTER TABLE "finance"."settlement_deduction"
    ADD CONSTRAINT "settlement_deduction_company_id_settlement_id_currency_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "currency") REFERENCES "finance"."settlement" ("company_id", "id", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;

-- The primary key (settlement, position) is what makes a second approval's lines collide:
-- a settlement's sheet is written once.
CREATE TABLE "finance"."settlement_line" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "kind" "finance"."settlement_line_kind" NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,

    CONSTRAINT "settlement_line_pkey" PRIMARY KEY ("settlement_id", "position"),
    CONSTRAINT "settlement_line_position_not_negative" CHECK ("position" >= 0)
);

ALTER TABLE "finance"."settlement_line"
    ADD CONSTRAINT "settlement_line_company_id_settlement_id_fkey"
    FOREIGN KEY ("company_id", "settlement_id") REFERENCES "finance"."settlement" ("company_id", "id")
    ON DELETE CASCADE ON UPDATE RESTRICT;
