-- Buyouts and reimbursements (issue #10, item 2). A buyout is a term of an act's deal: a
-- fixed amount paid to the artist in lieu of something the promoter would otherwise provide
-- (at most 10, above zero). A reimbursement is a cost the artist paid that the promoter
-- repays, entered on the settlement act (at most 20, above zero). Both are costs of the
-- show, on the sheet among the expenses, and paid to the artist on top of the payout: the
-- withholding is not taken of them. Each is stored with its act, in the order entered, and
-- replaced with the bill; acts stored before have none.

CREATE TABLE "finance"."settlement_buyout" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "act_position" SMALLINT NOT NULL,
    "position" SMALLINT NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_buyout_pkey" PRIMARY KEY ("settlement_id", "act_position", "position"),
    CONSTRAINT "settlement_buyout_position_range" CHECK ("position" BETWEEN 0 AND 9),
    CONSTRAINT "settlement_buyout_label_length" CHECK (char_length(btrim("label")) BETWEEN 1 AND 100),
    CONSTRAINT "settlement_buyout_amount_positive" CHECK ("amount" > 0)
);

CREATE TABLE "finance"."settlement_reimbursement" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "act_position" SMALLINT NOT NULL,
    "position" SMALLINT NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_reimbursement_pkey" PRIMARY KEY ("settlement_id", "act_position", "position"),
    CONSTRAINT "settlement_reimbursement_position_range" CHECK ("position" BETWEEN 0 AND 19),
    CONSTRAINT "settlement_reimbursement_label_length" CHECK (char_length(btrim("label")) BETWEEN 1 AND 100),
    CONSTRAINT "settlement_reimbursement_amount_positive" CHECK ("amount" > 0)
);

-- ON UPDATE RESTRICT: an act's currency cannot change under amounts written in another.
ALTER TABLE "finance"."settlement_buyout"
    ADD CONSTRAINT "settlement_buyout_act_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "act_position", "currency") REFERENCES "finance"."settlement_act" ("company_id", "settlement_id", "billing_position", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
ALTER TABLE "finance"."settlement_reimbursement"
    ADD CONSTRAINT "settlement_reimbursement_act_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "act_position", "currency") REFERENCES "finance"."settlement_act" ("company_id", "settlement_id", "billing_position", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;

-- Approval freezes them with the act's other figures. An act approved before had none.
ALTER TABLE "finance"."settlement_act"
    ADD COLUMN "frozen_buyouts" DECIMAL(19,4),
    ADD COLUMN "frozen_reimbursements" DECIMAL(19,4);

UPDATE "finance"."settlement_act"
SET "frozen_buyouts" = 0, "frozen_reimbursements" = 0
WHERE "frozen_payout" IS NOT NULL;

ALTER TABLE "finance"."settlement_act"
    ADD CONSTRAINT "settlement_act_frozen_repaid_together" CHECK (num_nulls("frozen_payout", "frozen_buyouts", "frozen_reimbursements") IN (0, 3)),
    ADD CONSTRAINT "settlement_act_frozen_repaid_not_negative" CHECK ("frozen_buyouts" >= 0 AND "frozen_reimbursements" >= 0),
    -- The artist receives the payout less the withholding, plus the buyouts and reimbursements.
    DROP CONSTRAINT "settlement_act_frozen_net_payable_adds_up",
    ADD CONSTRAINT "settlement_act_frozen_net_payable_adds_up"
        CHECK ("frozen_net_payable" = "frozen_payout" - "frozen_withholding" + "frozen_buyouts" + "frozen_reimbursements");
