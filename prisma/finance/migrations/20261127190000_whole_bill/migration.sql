-- A show is settled once, over its whole bill (issue #10): `settlement` becomes the show's
-- settlement, one per company and event (status, currency, deductions, approval, the frozen
-- show totals and sheet, the payment), and `settlement_act` holds each act on its bill (the
-- artist, its billing position, 0 for the headliner, its deal terms, with their CHECKs, and
-- its figures frozen at approval). Ticket bonuses belong to the act whose deal they are part of.
--
-- Settlements stored before it:
-- * an event with one settlement keeps it in place: same id, status, approval, frozen totals
--   and lines; its artist becomes the only act (position 0), with its deal terms, its bonuses
--   and, if approved, its frozen figures;
-- * an event with several settlements, all DRAFT, is merged into the oldest: its acts in the
--   order the settlements were created, the oldest's artist as headliner. Finance cannot know
--   Base's billing order inside a migration; the user can reorder the bill with
--   updateSettlement. The oldest draft's deductions are kept, the others' are dropped with
--   their drafts (drafts of one show are drafted with the same fees and taxes);
-- * an event with several settlements of which one is APPROVED or PAID stops the migration:
--   an approval must not be undone silently, so it is settled by hand first. So does an
--   event whose drafts are in different currencies, or with more than 20.

DO $$
DECLARE
    conflict RECORD;
BEGIN
    SELECT "company_id", "event_id", count(*) AS "settlements", string_agg("id"::text || ' (' || "status"::text || ')', ', ' ORDER BY "created_at", "id") AS "listed"
    INTO conflict
    FROM "finance"."settlement"
    GROUP BY "company_id", "event_id"
    HAVING count(*) > 1 AND bool_or("status" <> 'DRAFT')
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Event % (company %) has % settlements, and one of them is approved or paid: %. A show now has one settlement over its whole bill, and merging would undo an approval. Settle this event by hand first (e.g. delete its drafts, or merge the approved sheets), then run the migration again.',
            conflict."event_id", conflict."company_id", conflict."settlements", conflict."listed";
    END IF;

    SELECT "company_id", "event_id", string_agg(DISTINCT "currency", ', ') AS "listed"
    INTO conflict
    FROM "finance"."settlement"
    GROUP BY "company_id", "event_id"
    HAVING count(DISTINCT "currency") > 1
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Event % (company %) has draft settlements in several currencies (%); one settlement has one currency. Delete or change the drafts so they share one, then run the migration again.',
            conflict."event_id", conflict."company_id", conflict."listed";
    END IF;

    SELECT "company_id", "event_id", count(*) AS "settlements"
    INTO conflict
    FROM "finance"."settlement"
    GROUP BY "company_id", "event_id"
    HAVING count(*) > 20
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Event % (company %) has % draft settlements; a bill lists at most 20 acts. Delete some, then run the migration again.',
            conflict."event_id", conflict."company_id", conflict."settlements";
    END IF;
END $$;

CREATE TABLE "finance"."settlement_act" (
    "company_id" UUID NOT NULL,
    "settlement_id" UUID NOT NULL,
    "billing_position" SMALLINT NOT NULL,
    "artist_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deal_type" "finance"."deal_type" NOT NULL,
    "guarantee" DECIMAL(19,4),
    "percentage" DECIMAL(5,2),
    "per_ticket" DECIMAL(19,4),
    "promoter_profit_percentage" DECIMAL(5,2),
    "promoter_profit_amount" DECIMAL(19,4),
    "expense_cap" DECIMAL(19,4),
    "frozen_payout" DECIMAL(19,4),
    "frozen_deal_amount" DECIMAL(19,4),
    "frozen_bonuses" DECIMAL(19,4),
    "frozen_promoter_profit" DECIMAL(19,4),
    "frozen_split_point" DECIMAL(19,4),
    "frozen_expenses_counted" DECIMAL(19,4),

    CONSTRAINT "settlement_act_pkey" PRIMARY KEY ("settlement_id", "billing_position"),
    -- 1 to 20 acts, numbered from the headliner (0).
    CONSTRAINT "settlement_act_billing_position_range" CHECK ("billing_position" BETWEEN 0 AND 19),
    -- Each deal type carries exactly the terms it takes (the kit's TERMS_OF_DEAL_TYPE): the
    -- required ones set, the optional ones set or not, every other one null.
    CONSTRAINT "settlement_act_deal_terms_match_type" CHECK (
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
    CONSTRAINT "settlement_act_guarantee_not_negative" CHECK ("guarantee" >= 0),
    CONSTRAINT "settlement_act_percentage_range" CHECK ("percentage" > 0 AND "percentage" <= 100),
    -- The promoter profit is a percentage of the expenses or an amount, not both.
    CONSTRAINT "settlement_act_one_promoter_profit" CHECK (num_nonnulls("promoter_profit_percentage", "promoter_profit_amount") <= 1),
    CONSTRAINT "settlement_act_per_ticket_positive" CHECK ("per_ticket" > 0),
    CONSTRAINT "settlement_act_promoter_profit_percentage_range" CHECK ("promoter_profit_percentage" > 0 AND "promoter_profit_percentage" <= 100),
    CONSTRAINT "settlement_act_promoter_profit_amount_not_negative" CHECK ("promoter_profit_amount" >= 0),
    CONSTRAINT "settlement_act_expense_cap_not_negative" CHECK ("expense_cap" >= 0),
    -- An act's figures are frozen together, at its settlement's approval: the payout, the
    -- deal's amount and the bonuses all or none; the rest only with them.
    CONSTRAINT "settlement_act_frozen_together" CHECK (
        num_nulls("frozen_payout", "frozen_deal_amount", "frozen_bonuses") IN (0, 3)
        AND ("frozen_payout" IS NOT NULL OR num_nonnulls("frozen_promoter_profit", "frozen_split_point", "frozen_expenses_counted") = 0)
    ),
    CONSTRAINT "settlement_act_frozen_payout_adds_up" CHECK ("frozen_payout" = "frozen_deal_amount" + "frozen_bonuses"),
    -- Only a plus deal has a split point; only a deal that takes a promoter profit has one.
    CONSTRAINT "settlement_act_frozen_split_point_fits_type" CHECK (
        "frozen_split_point" IS NULL OR "deal_type"::text = 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT'
    ),
    CONSTRAINT "settlement_act_frozen_promoter_profit_fits_type" CHECK (
        "frozen_promoter_profit" IS NULL OR "deal_type"::text IN ('GUARANTEE_VERSUS_PERCENTAGE_OF_NET', 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT')
    )
);

-- One act per artist per settlement.
CREATE UNIQUE INDEX "settlement_act_settlement_id_artist_id_key" ON "finance"."settlement_act" ("settlement_id", "artist_id");
-- Target of the key that ties an act's ticket bonuses to its company and currency.
CREATE UNIQUE INDEX "settlement_act_company_id_settlement_id_position_currency_key" ON "finance"."settlement_act" ("company_id", "settlement_id", "billing_position", "currency");
-- An artist's settlements: the acts of the artist, then their settlements.
CREATE INDEX "settlement_act_company_id_artist_id_idx" ON "finance"."settlement_act" ("company_id", "artist_id");

-- Each stored settlement becomes an act of the oldest settlement of its event, numbered in
-- the order the settlements were created.
CREATE TEMPORARY TABLE "settlement_merge" AS
SELECT "id" AS "old_id",
       first_value("id") OVER "show" AS "settlement_id",
       (row_number() OVER "show" - 1)::smallint AS "billing_position"
FROM "finance"."settlement"
WINDOW "show" AS (PARTITION BY "company_id", "event_id" ORDER BY "created_at", "id");

-- An approved settlement's act takes its frozen figures: its payout was the whole payout, its
-- bonuses the sheet's ARTIST_BONUS lines, and the expenses its deal counted the show's, as capped.
INSERT INTO "finance"."settlement_act" (
    "company_id", "settlement_id", "billing_position", "artist_id", "currency", "deal_type", "guarantee", "percentage", "per_ticket",
    "promoter_profit_percentage", "promoter_profit_amount", "expense_cap",
    "frozen_payout", "frozen_deal_amount", "frozen_bonuses", "frozen_promoter_profit", "frozen_split_point", "frozen_expenses_counted"
)
SELECT s."company_id", m."settlement_id", m."billing_position", s."artist_id", s."currency", s."deal_type", s."guarantee", s."percentage", s."per_ticket",
       s."promoter_profit_percentage", s."promoter_profit_amount", s."expense_cap",
       s."frozen_artist_payout",
       s."frozen_artist_payout" - b."bonuses",
       CASE WHEN s."frozen_artist_payout" IS NULL THEN NULL ELSE b."bonuses" END,
       s."frozen_promoter_profit",
       s."frozen_split_point",
       CASE WHEN s."frozen_artist_payout" IS NOT NULL AND s."deal_type"::text IN ('GUARANTEE_VERSUS_PERCENTAGE_OF_NET', 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT', 'DOOR_DEAL_AFTER_EXPENSES')
            THEN LEAST(s."frozen_total_expenses", COALESCE(s."expense_cap", s."frozen_total_expenses"))
       END
FROM "finance"."settlement" s
JOIN "settlement_merge" m ON m."old_id" = s."id"
CROSS JOIN LATERAL (
    SELECT COALESCE(sum(l."amount"), 0) AS "bonuses" FROM "finance"."settlement_line" l WHERE l."settlement_id" = s."id" AND l."kind"::text = 'ARTIST_BONUS'
) b;

-- The bonuses follow their act: into the merged settlement, under the act's billing position.
ALTER TABLE "finance"."settlement_ticket_bonus"
    DROP CONSTRAINT "settlement_ticket_bonus_company_id_settlement_id_currency_fkey",
    DROP CONSTRAINT "settlement_ticket_bonus_pkey",
    ADD COLUMN "act_position" SMALLINT;
DROP INDEX "finance"."settlement_ticket_bonus_settlement_id_tickets_sold_key";

UPDATE "finance"."settlement_ticket_bonus" t
SET "settlement_id" = m."settlement_id", "act_position" = m."billing_position"
FROM "settlement_merge" m
WHERE m."old_id" = t."settlement_id";

ALTER TABLE "finance"."settlement_ticket_bonus"
    ALTER COLUMN "act_position" SET NOT NULL,
    ADD CONSTRAINT "settlement_ticket_bonus_pkey" PRIMARY KEY ("settlement_id", "act_position", "position");
-- Each threshold once per act.
CREATE UNIQUE INDEX "settlement_ticket_bonus_act_tickets_sold_key" ON "finance"."settlement_ticket_bonus" ("settlement_id", "act_position", "tickets_sold");

-- The merged drafts go, with their deductions; their acts and bonuses live on in the oldest.
DELETE FROM "finance"."settlement" s USING "settlement_merge" m WHERE m."old_id" = s."id" AND m."settlement_id" <> s."id";

DROP TABLE "settlement_merge";

-- The settlement keeps the show's figures; the deal terms and the deal's figures moved to the acts.
ALTER TABLE "finance"."settlement"
    DROP CONSTRAINT "settlement_deal_terms_match_type",
    DROP CONSTRAINT "settlement_guarantee_not_negative",
    DROP CONSTRAINT "settlement_percentage_range",
    DROP CONSTRAINT "settlement_one_promoter_profit",
    DROP CONSTRAINT "settlement_per_ticket_positive",
    DROP CONSTRAINT "settlement_promoter_profit_percentage_range",
    DROP CONSTRAINT "settlement_promoter_profit_amount_not_negative",
    DROP CONSTRAINT "settlement_expense_cap_not_negative",
    DROP CONSTRAINT "settlement_approval_frozen",
    DROP CONSTRAINT "settlement_frozen_split_point_fits_type",
    DROP CONSTRAINT "settlement_frozen_promoter_profit_fits_type";
DROP INDEX "finance"."settlement_company_id_event_id_artist_id_key";
DROP INDEX "finance"."settlement_company_id_artist_id_created_at_id_idx";
ALTER TABLE "finance"."settlement"
    DROP COLUMN "artist_id",
    DROP COLUMN "deal_type",
    DROP COLUMN "guarantee",
    DROP COLUMN "percentage",
    DROP COLUMN "per_ticket",
    DROP COLUMN "promoter_profit_percentage",
    DROP COLUMN "promoter_profit_amount",
    DROP COLUMN "expense_cap",
    DROP COLUMN "frozen_promoter_profit",
    DROP COLUMN "frozen_split_point";
ALTER TABLE "finance"."settlement" RENAME COLUMN "frozen_artist_payout" TO "frozen_artist_payouts";
ALTER TABLE "finance"."settlement"
    -- Approval and the frozen totals come together: a draft has none of them, an approved or
    -- paid settlement its approver and all seven totals (the ticket count where a deal reads it).
    ADD CONSTRAINT "settlement_approval_frozen" CHECK (
        CASE WHEN "status" = 'DRAFT'
            THEN num_nonnulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                              "frozen_total_expenses", "frozen_net", "frozen_artist_payouts", "frozen_promoter_result", "frozen_tickets_sold") = 0
            ELSE num_nulls("approved_at", "approved_by", "frozen_gross_ticket_sales", "frozen_deductions", "frozen_adjusted_gross",
                           "frozen_total_expenses", "frozen_net", "frozen_artist_payouts", "frozen_promoter_result") = 0
        END
    );

-- One settlement per event, decided here whoever writes, race or not.
CREATE UNIQUE INDEX "settlement_company_id_event_id_key" ON "finance"."settlement" ("company_id", "event_id");

-- ON UPDATE RESTRICT: a settlement's currency cannot change under acts written in another,
-- nor an act's under bonuses written in another.
ALTER TABLE "finance"."settlement_act"
    ADD CONSTRAINT "settlement_act_company_id_settlement_id_currency_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "currency") REFERENCES "finance"."settlement" ("company_id", "id", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
ALTER TABLE "finance"."settlement_ticket_bonus"
    ADD CONSTRAINT "settlement_ticket_bonus_act_fkey"
    FOREIGN KEY ("company_id", "settlement_id", "act_position", "currency") REFERENCES "finance"."settlement_act" ("company_id", "settlement_id", "billing_position", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
