-- Buyouts (issue #10): a deal may pay the artist fixed amounts in lieu of something the
-- promoter would otherwise provide ("Catering buyout" USD 500), on any deal type, at most
-- 10 per version, each above zero in the version's currency. Stored like the ticket
-- bonuses: rows of their own, in the order written, append-only like the version they
-- belong to (a buyout goes only with its draft version, itself only with its DRAFT deal).
-- Adding a table changes no version written before: they have no buyouts.

CREATE TABLE "market"."deal_terms_buyout" (
    "company_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "deal_terms_buyout_pkey" PRIMARY KEY ("version_id", "position"),
    CONSTRAINT "deal_terms_buyout_position_in_range" CHECK ("position" >= 0 AND "position" < 10),
    CONSTRAINT "deal_terms_buyout_label_length" CHECK (char_length(btrim("label")) BETWEEN 1 AND 100),
    CONSTRAINT "deal_terms_buyout_amount_positive" CHECK ("amount" > 0)
);

-- A buyout is paid in its version's currency, belongs to its version's company, and goes
-- with its version.
ALTER TABLE "market"."deal_terms_buyout"
    ADD CONSTRAINT "deal_terms_buyout_company_id_version_id_currency_fkey"
    FOREIGN KEY ("company_id", "version_id", "currency") REFERENCES "market"."deal_terms_version" ("company_id", "id", "currency")
    ON DELETE CASCADE ON UPDATE RESTRICT;

CREATE FUNCTION "market"."delete_terms_buyout_only_with_its_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "market"."deal_terms_version" WHERE "company_id" = OLD."company_id" AND "id" = OLD."version_id") THEN
        RAISE EXCEPTION 'market.deal_terms_buyout is append-only: a buyout goes only with its draft version'
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER "deal_terms_buyout_append_only"
    BEFORE UPDATE ON "market"."deal_terms_buyout"
    FOR EACH ROW EXECUTE FUNCTION "market"."refuse_changing_terms_history"();
CREATE TRIGGER "deal_terms_buyout_delete_with_version"
    BEFORE DELETE ON "market"."deal_terms_buyout"
    FOR EACH ROW EXECUTE FUNCTION "market"."delete_terms_buyout_only_with_its_version"();
