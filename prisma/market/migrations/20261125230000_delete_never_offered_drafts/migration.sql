-- A deal that was never offered can be deleted, and its draft versions with it: nothing
-- of a draft ever reached the artist's agent, so there is no negotiation to keep. Every
-- version that was put on the table (an OFFER, a COUNTER_OFFER) stays append-only, and a
-- deal that was ever offered cannot be deleted at all. The database enforces this itself:
-- a version or bonus goes only as part of deleting its DRAFT deal (the cascade below).

-- Only a DRAFT deal can be deleted. A deal never returns to DRAFT once offered.
CREATE FUNCTION "market"."refuse_deleting_offered_deals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."status" <> 'DRAFT' THEN
        RAISE EXCEPTION 'market.deal %: only a DRAFT deal can be deleted, this one is %', OLD."id", OLD."status"
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER "deal_delete_only_drafts"
    BEFORE DELETE ON "market"."deal"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_deleting_offered_deals"();

-- A version goes only when it is a draft and its deal is already gone, i.e. in the
-- cascade of deleting a DRAFT deal; a version is never changed.
CREATE FUNCTION "market"."delete_terms_version_only_with_its_draft_deal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."kind" <> 'DRAFT' OR EXISTS (
        SELECT 1 FROM "market"."deal" WHERE "company_id" = OLD."company_id" AND "id" = OLD."deal_id"
    ) THEN
        RAISE EXCEPTION 'market.deal_terms_version is append-only: a draft version goes only with its DRAFT deal, an offered one never'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$;

-- A bonus goes only with its version (which went only with its DRAFT deal).
CREATE FUNCTION "market"."delete_terms_bonus_only_with_its_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "market"."deal_terms_version" WHERE "company_id" = OLD."company_id" AND "id" = OLD."version_id") THEN
        RAISE EXCEPTION 'market.deal_terms_bonus is append-only: a bonus goes only with its draft version'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$;

DROP TRIGGER "deal_terms_version_append_only" ON "market"."deal_terms_version";
DROP TRIGGER "deal_terms_bonus_append_only" ON "market"."deal_terms_bonus";
CREATE TRIGGER "deal_terms_version_append_only"
    BEFORE UPDATE ON "market"."deal_terms_version"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_changing_terms_history"();
CREATE TRIGGER "deal_terms_bonus_append_only"
    BEFORE UPDATE ON "market"."deal_terms_bonus"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_changing_terms_history"();
CREATE TRIGGER "deal_terms_version_delete_with_draft_deal"
    BEFORE DELETE ON "market"."deal_terms_version"
    FOR EACH ROW EXECUTE FUNCTION "market"."delete_terms_version_only_with_its_draft_deal"();
CREATE TRIGGER "deal_terms_bonus_delete_with_version"
    BEFORE DELETE ON "market"."deal_terms_bonus"
    FOR EACH ROW EXECUTE FUNCTION "market"."delete_terms_bonus_only_with_its_version"();

-- Deleting a deal takes its versions, and deleting a version its bonuses.
ALTER TABLE "market"."deal_terms_version" DROP CONSTRAINT "deal_terms_version_company_id_deal_id_fkey";
ALTER TABLE "market"."deal_terms_version"
    ADD CONSTRAINT "deal_terms_version_company_id_deal_id_fkey"
    FOREIGN KEY ("company_id", "deal_id") REFERENCES "market"."deal" ("company_id", "id")
    ON DELETE CASCADE ON UPDATE RESTRICT;
ALTER TABLE "market"."deal_terms_bonus" DROP CONSTRAINT "deal_terms_bonus_company_id_version_id_currency_fkey";
ALTER TABLE "market"."deal_terms_bonus"
    ADD CONSTRAINT "deal_terms_bonus_company_id_version_id_currency_fkey"
    FOREIGN KEY ("company_id", "version_id", "currency") REFERENCES "market"."deal_terms_version" ("company_id", "id", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;
