-- Payment schedules (issue #10, item 5): when each act is paid. An act's deposit in one or
-- more installments before the show, its balance in one or more after it, each due on a day;
-- the last balance installment may leave its amount out ("the rest": whatever the balance
-- then is). The payments recorded settle the installments of their kind in due order, so
-- nothing is stored per installment but what was scheduled. Acts stored before have none.

CREATE TABLE "finance"."settlement_installment" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "act_position" SMALLINT NOT NULL,
    "position" SMALLINT NOT NULL,
    "kind" "finance"."settlement_payment_kind" NOT NULL,
    "due_on" DATE NOT NULL,
    "amount" DECIMAL(19,4),
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "settlement_installment_pkey" PRIMARY KEY ("settlement_id", "act_position", "position"),
    CONSTRAINT "settlement_installment_position_range" CHECK ("position" BETWEEN 0 AND 11),
    CONSTRAINT "settlement_installment_amount_positive" CHECK ("amount" > 0),
    -- Only a balance installment may be "the rest".
    CONSTRAINT "settlement_installment_deposit_has_amount" CHECK ("kind" = 'BALANCE' OR "amount" IS NOT NULL)
);

-- ON UPDATE RESTRICT: an act's currency cannot change under installments written in another.
ALTER TABLE "finance"."settlement_installment"
    ADD CONSTRAINT "settlement_installment_act_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "act_position", "currency") REFERENCES "finance"."settlement_act" ("company_id", "settlement_id", "billing_position", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
