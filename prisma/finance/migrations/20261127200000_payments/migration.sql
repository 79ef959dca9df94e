-- Money owed and paid (issue #10): each act's deal may carry a deposit, paid before the show
-- on account, and a withholding rate, the artist's tax the promoter withholds from the
-- payout and pays to the tax office. Approval freezes each act's withholding and net
-- payable with its other figures; `settlement_payment` records what was paid to each act.
--
-- Acts stored before it have no deposit and no withholding: an approved act's withholding
-- is 0 and its net payable its payout. A settlement PAID before it was paid in full with its
-- one payment reference: each of its acts gets that payment as one BALANCE row of its net
-- payable, so that every PAID settlement's acts have a balance due of 0.

ALTER TABLE "finance"."settlement_act"
    ADD COLUMN "deposit" DECIMAL(19,4),
    ADD COLUMN "withholding_rate" DECIMAL(5,2),
    ADD COLUMN "frozen_withholding" DECIMAL(19,4),
    ADD COLUMN "frozen_net_payable" DECIMAL(19,4);

UPDATE "finance"."settlement_act"
SET "frozen_withholding" = 0, "frozen_net_payable" = "frozen_payout"
WHERE "frozen_payout" IS NOT NULL;

ALTER TABLE "finance"."settlement_act"
    ADD CONSTRAINT "settlement_act_deposit_not_negative" CHECK ("deposit" >= 0),
    ADD CONSTRAINT "settlement_act_withholding_rate_range" CHECK ("withholding_rate" > 0 AND "withholding_rate" <= 100),
    -- Frozen with the payout, and adding up: the artist receives the payout less the withholding.
    ADD CONSTRAINT "settlement_act_frozen_net_payable_together" CHECK (num_nulls("frozen_payout", "frozen_withholding", "frozen_net_payable") IN (0, 3)),
    ADD CONSTRAINT "settlement_act_frozen_net_payable_adds_up" CHECK ("frozen_net_payable" = "frozen_payout" - "frozen_withholding"),
    ADD CONSTRAINT "settlement_act_frozen_withholding_range" CHECK ("frozen_withholding" >= 0 AND "frozen_withholding" <= "frozen_payout"),
    ADD CONSTRAINT "settlement_act_frozen_withholding_needs_rate" CHECK ("withholding_rate" IS NOT NULL OR "frozen_withholding" = 0);

CREATE TYPE "finance"."settlement_payment_kind" AS ENUM ('DEPOSIT', 'BALANCE');

-- Payments are kept for good: a settlement with payments is not deleted (ON DELETE RESTRICT)
-- nor moved to another currency (ON UPDATE RESTRICT). The payment names its act by artist,
-- which stays on the bill while it has payments (a draft's bill is rewritten on update).
CREATE TABLE "finance"."settlement_payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sequence" BIGSERIAL NOT NULL,
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" "finance"."settlement_payment_kind" NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "paid_on" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_by" UUID NOT NULL,

    CONSTRAINT "settlement_payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "settlement_payment_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "settlement_payment_reference_not_blank" CHECK (btrim("reference") <> '')
);

-- A settlement's payments, oldest first (`sequence` orders payments recorded in one transaction).
CREATE INDEX "settlement_payment_company_id_settlement_id_sequence_idx" ON "finance"."settlement_payment" ("company_id", "settlement_id", "sequence");

ALTER TABLE "finance"."settlement_payment"
    ADD CONSTRAINT "settlement_payment_company_id_settlement_id_currency_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "currency") REFERENCES "finance"."settlement" ("company_id", "id", "currency")
    ON DELETE RESTRICT ON UPDATE RESTRICT;

INSERT INTO "finance"."settlement_payment" ("company_id", "settlement_id", "artist_id", "currency", "kind", "amount", "paid_on", "reference", "recorded_at", "recorded_by")
SELECT a."company_id", a."settlement_id", a."artist_id", a."currency", 'BALANCE', a."frozen_net_payable", s."paid_on", s."payment_reference", s."payment_recorded_at", s."payment_recorded_by"
FROM "finance"."settlement_act" a
JOIN "finance"."settlement" s ON s."company_id" = a."company_id" AND s."id" = a."settlement_id"
WHERE s."status" = 'PAID' AND a."frozen_net_payable" > 0
ORDER BY s."payment_recorded_at", a."settlement_id", a."billing_position";
