-- Market's deals, the negotiation of their terms, and contracts. Artists and events are
-- Base's: only their ids are kept here, so there is no foreign key to them; Market checks
-- they exist through Base's API when an id is given.

CREATE SCHEMA IF NOT EXISTS "market";

CREATE TYPE "market"."deal_status" AS ENUM ('DRAFT', 'OFFERED', 'COUNTERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');
CREATE TYPE "market"."deal_type" AS ENUM ('FLAT_GUARANTEE', 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET', 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT', 'DOOR_DEAL');
CREATE TYPE "market"."terms_version_kind" AS ENUM ('DRAFT', 'OFFER', 'COUNTER_OFFER');
CREATE TYPE "market"."negotiating_side" AS ENUM ('PROMOTER', 'ARTIST_AGENT');
CREATE TYPE "market"."contract_status" AS ENUM ('DRAFT', 'SENT', 'SIGNED', 'VOID');

CREATE TABLE "market"."deal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "event_id" UUID,
    "status" "market"."deal_status" NOT NULL DEFAULT 'DRAFT',
    "current_version_id" UUID,
    "accepted_version_id" UUID,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" UUID,

    CONSTRAINT "deal_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deal_notes_present" CHECK ("notes" IS NULL OR btrim("notes") <> ''),
    -- Only an accepted deal has an accepted version, and it is the one on the table.
    CONSTRAINT "deal_accepted_version" CHECK (
        CASE WHEN "status" = 'ACCEPTED'
            THEN "accepted_version_id" IS NOT NULL AND "accepted_version_id" = "current_version_id"
            ELSE "accepted_version_id" IS NULL
        END
    ),
    -- A deal that was accepted, declined or withdrawn says who decided and when; no other does.
    CONSTRAINT "deal_decision_recorded" CHECK (
        CASE WHEN "status" IN ('ACCEPTED', 'DECLINED', 'WITHDRAWN')
            THEN num_nulls("decided_at", "decided_by") = 0
            ELSE num_nonnulls("decided_at", "decided_by") = 0
        END
    )
);

CREATE UNIQUE INDEX "deal_company_id_id_key" ON "market"."deal" ("company_id", "id");
CREATE UNIQUE INDEX "deal_company_id_id_accepted_version_id_key" ON "market"."deal" ("company_id", "id", "accepted_version_id");
CREATE INDEX "deal_company_id_created_at_id_idx" ON "market"."deal" ("company_id", "created_at" DESC, "id" DESC);
CREATE INDEX "deal_company_id_artist_id_created_at_id_idx" ON "market"."deal" ("company_id", "artist_id", "created_at" DESC, "id" DESC);
CREATE INDEX "deal_company_id_event_id_created_at_id_idx" ON "market"."deal" ("company_id", "event_id", "created_at" DESC, "id" DESC);

CREATE TABLE "market"."deal_terms_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "market"."terms_version_kind" NOT NULL,
    "side" "market"."negotiating_side" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deal_type" "market"."deal_type" NOT NULL,
    "guarantee" DECIMAL(19,4),
    "percentage" DECIMAL(5,2),
    "split_point" DECIMAL(19,4),
    "offer_expires_at" TIMESTAMPTZ(3),
    "radius_km" INTEGER,
    "radius_days_before" INTEGER,
    "radius_days_after" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "deal_terms_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "deal_terms_version_number_positive" CHECK ("number" >= 1),
    CONSTRAINT "deal_terms_version_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$'),
    -- Drafts and offers are the promoter's; an agent only ever answers with a counter-offer.
    CONSTRAINT "deal_terms_version_side_fits_kind" CHECK ("kind" = 'COUNTER_OFFER' OR "side" = 'PROMOTER'),
    -- Each deal type carries exactly the terms it is computed from (as Finance's settlements do).
    CONSTRAINT "deal_terms_version_terms_match_type" CHECK (
        CASE "deal_type"
            WHEN 'FLAT_GUARANTEE' THEN "guarantee" IS NOT NULL AND "percentage" IS NULL AND "split_point" IS NULL
            WHEN 'GUARANTEE_VERSUS_PERCENTAGE_OF_NET' THEN "guarantee" IS NOT NULL AND "percentage" IS NOT NULL AND "split_point" IS NULL
            WHEN 'GUARANTEE_PLUS_PERCENTAGE_ABOVE_SPLIT' THEN "guarantee" IS NOT NULL AND "percentage" IS NOT NULL AND "split_point" IS NOT NULL
            WHEN 'DOOR_DEAL' THEN "guarantee" IS NULL AND "percentage" IS NOT NULL AND "split_point" IS NULL
        END
    ),
    CONSTRAINT "deal_terms_version_guarantee_not_negative" CHECK ("guarantee" >= 0),
    CONSTRAINT "deal_terms_version_percentage_range" CHECK ("percentage" > 0 AND "percentage" <= 100),
    CONSTRAINT "deal_terms_version_split_point_not_negative" CHECK ("split_point" >= 0),
    -- A radius clause is whole or absent: a distance and the days on either side of the show.
    CONSTRAINT "deal_terms_version_radius_clause" CHECK (
        num_nulls("radius_km", "radius_days_before", "radius_days_after") IN (0, 3)
        AND "radius_km" > 0 AND "radius_days_before" >= 0 AND "radius_days_after" >= 0
    )
);

CREATE UNIQUE INDEX "deal_terms_version_deal_id_number_key" ON "market"."deal_terms_version" ("deal_id", "number");
CREATE UNIQUE INDEX "deal_terms_version_company_id_deal_id_id_key" ON "market"."deal_terms_version" ("company_id", "deal_id", "id");
CREATE UNIQUE INDEX "deal_terms_version_company_id_id_currency_key" ON "market"."deal_terms_version" ("company_id", "id", "currency");

ALTER TABLE "market"."deal_terms_version"
    ADD CONSTRAINT "deal_terms_version_company_id_deal_id_fkey"
    FOREIGN KEY ("company_id", "deal_id") REFERENCES "market"."deal" ("company_id", "id")
    ON DELETE RESTRICT ON UPDATE RESTRICT;

-- A deal points only at its own versions.
ALTER TABLE "market"."deal"
    ADD CONSTRAINT "deal_company_id_id_current_version_id_fkey"
    FOREIGN KEY ("company_id", "id", "current_version_id") REFERENCES "market"."deal_terms_version" ("company_id", "deal_id", "id")
    ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "market"."deal"
    ADD CONSTRAINT "deal_company_id_id_accepted_version_id_fkey"
    FOREIGN KEY ("company_id", "id", "accepted_version_id") REFERENCES "market"."deal_terms_version" ("company_id", "deal_id", "id")
    ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TABLE "market"."deal_terms_bonus" (
    "company_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "tickets_sold" INTEGER NOT NULL,
    "bonus" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "deal_terms_bonus_pkey" PRIMARY KEY ("version_id", "position"),
    CONSTRAINT "deal_terms_bonus_position_not_negative" CHECK ("position" >= 0),
    CONSTRAINT "deal_terms_bonus_tickets_sold_positive" CHECK ("tickets_sold" > 0),
    CONSTRAINT "deal_terms_bonus_bonus_positive" CHECK ("bonus" > 0)
);

-- A bonus is paid in its version's currency, and belongs to its version's company.
ALTER TABLE "market"."deal_terms_bonus"
    ADD CONSTRAINT "deal_terms_bonus_company_id_version_id_currency_fkey"
    FOREIGN KEY ("company_id", "version_id", "currency") REFERENCES "market"."deal_terms_version" ("company_id", "id", "currency")
    ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The negotiation is a record of what each side put on the table: once written, a
-- version and its bonuses can be neither changed nor taken back, whoever connects.
CREATE FUNCTION "market"."refuse_changing_terms_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'market.% is append-only: a version of a deal''s terms cannot be changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "deal_terms_version_append_only"
    BEFORE UPDATE OR DELETE ON "market"."deal_terms_version"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_changing_terms_history"();
CREATE TRIGGER "deal_terms_bonus_append_only"
    BEFORE UPDATE OR DELETE ON "market"."deal_terms_bonus"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_changing_terms_history"();

CREATE TABLE "market"."contract" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "deal_id" UUID NOT NULL,
    "terms_version_id" UUID NOT NULL,
    "status" "market"."contract_status" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "sent_by" UUID,
    "promoter_signer_name" TEXT,
    "promoter_signed_at" TIMESTAMPTZ(3),
    "promoter_signature_by" UUID,
    "artist_signer_name" TEXT,
    "artist_signed_at" TIMESTAMPTZ(3),
    "artist_signature_by" UUID,
    "voided_at" TIMESTAMPTZ(3),
    "voided_by" UUID,
    "void_reason" TEXT,

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id"),
    -- Sending is recorded whole; a contract is signed only after it was sent.
    CONSTRAINT "contract_sending_recorded" CHECK (
        num_nulls("sent_at", "sent_by") IN (0, 2)
        AND ("status" <> 'DRAFT' OR "sent_at" IS NULL)
        AND ("status" NOT IN ('SENT', 'SIGNED') OR "sent_at" IS NOT NULL)
    ),
    CONSTRAINT "contract_promoter_signature_whole" CHECK (
        num_nulls("promoter_signer_name", "promoter_signed_at", "promoter_signature_by") IN (0, 3)
        AND ("promoter_signed_at" IS NULL OR "sent_at" IS NOT NULL)
        AND ("promoter_signer_name" IS NULL OR btrim("promoter_signer_name") <> '')
    ),
    CONSTRAINT "contract_artist_signature_whole" CHECK (
        num_nulls("artist_signer_name", "artist_signed_at", "artist_signature_by") IN (0, 3)
        AND ("artist_signed_at" IS NULL OR "sent_at" IS NOT NULL)
        AND ("artist_signer_name" IS NULL OR btrim("artist_signer_name") <> '')
    ),
    -- SIGNED exactly when both parties have signed (a void contract keeps what it had).
    CONSTRAINT "contract_signed_by_both" CHECK (
        "status" = 'VOID'
        OR ("status" = 'SIGNED') = ("promoter_signed_at" IS NOT NULL AND "artist_signed_at" IS NOT NULL)
    ),
    CONSTRAINT "contract_void_recorded" CHECK (
        CASE WHEN "status" = 'VOID'
            THEN num_nulls("voided_at", "voided_by", "void_reason") = 0 AND btrim("void_reason") <> ''
            ELSE num_nonnulls("voided_at", "voided_by", "void_reason") = 0
        END
    )
);

CREATE INDEX "contract_company_id_created_at_id_idx" ON "market"."contract" ("company_id", "created_at" DESC, "id" DESC);
CREATE INDEX "contract_company_id_deal_id_idx" ON "market"."contract" ("company_id", "deal_id");

-- At most one live contract per deal: a new one can be drawn up only once the old is void.
CREATE UNIQUE INDEX "contract_one_live_per_deal" ON "market"."contract" ("company_id", "deal_id") WHERE "status" <> 'VOID';

-- A contract freezes the very version its deal accepted; ON UPDATE RESTRICT keeps the
-- deal from moving off it while the contract exists.
ALTER TABLE "market"."contract"
    ADD CONSTRAINT "contract_company_id_deal_id_terms_version_id_fkey"
    FOREIGN KEY ("company_id", "deal_id", "terms_version_id") REFERENCES "market"."deal" ("company_id", "id", "accepted_version_id")
    ON DELETE RESTRICT ON UPDATE RESTRICT;
