-- Every change to the facts behind an access decision is announced on the channel
-- "marquee_access_changes", so that each process holding a cached access context drops it
-- at once instead of serving it until its time to live runs out (a revoked grant must stop
-- working everywhere within a second). NOTIFY is transactional: listeners hear of a change
-- when it commits, never of one rolled back, and PostgreSQL folds identical payloads sent in
-- one transaction into one.
--
-- The payload names the narrowest scope that covers the change (shared/src/access/access-changes.ts
-- reads it):
--   {"scope":"membership","userId":…,"companyId":…}  a membership, its grants or its permissions
--   {"scope":"company","companyId":…}                 a company's entitlements, its name, or the company
--   {"scope":"user","userId":…}                       a user removed
--   {"scope":"everything"}                            a table emptied by TRUNCATE

CREATE FUNCTION "access"."announce_access_change"(payload JSON) RETURNS VOID
LANGUAGE sql AS $$
  SELECT pg_notify('marquee_access_changes', payload::text)
$$;

CREATE FUNCTION "access"."announce_membership_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "access"."announce_access_change"(json_build_object('scope', 'membership', 'userId', OLD.user_id, 'companyId', OLD.company_id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "access"."announce_access_change"(json_build_object('scope', 'membership', 'userId', NEW.user_id, 'companyId', NEW.company_id));
  END IF;
  RETURN NULL;
END
$$;

-- Grants and permissions hang off a membership: announce the membership's user and company.
-- When the membership itself is being deleted (a cascade), it is already gone here, and its
-- own trigger has announced it.
CREATE FUNCTION "access"."announce_membership_detail_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  membership_ids UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    membership_ids := ARRAY[NEW.membership_id];
  ELSIF TG_OP = 'DELETE' THEN
    membership_ids := ARRAY[OLD.membership_id];
  ELSE
    membership_ids := ARRAY[OLD.membership_id, NEW.membership_id];
  END IF;
  PERFORM "access"."announce_access_change"(json_build_object('scope', 'membership', 'userId', m.user_id, 'companyId', m.company_id))
  FROM "access"."membership" m
  WHERE m.id = ANY (membership_ids);
  RETURN NULL;
END
$$;

CREATE FUNCTION "access"."announce_company_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "access"."announce_access_change"(json_build_object('scope', 'company', 'companyId', OLD.company_id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "access"."announce_access_change"(json_build_object('scope', 'company', 'companyId', NEW.company_id));
  END IF;
  RETURN NULL;
END
$$;

-- The company table names its key "id", not "company_id".
CREATE FUNCTION "access"."announce_company_row_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "access"."announce_access_change"(json_build_object('scope', 'company', 'companyId', OLD.id));
  RETURN NULL;
END
$$;

CREATE FUNCTION "access"."announce_user_removed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "access"."announce_access_change"(json_build_object('scope', 'user', 'userId', OLD.id));
  RETURN NULL;
END
$$;

CREATE FUNCTION "access"."announce_everything_changed"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "access"."announce_access_change"(json_build_object('scope', 'everything'));
  RETURN NULL;
END
$$;

CREATE TRIGGER "membership_announce_change"
  AFTER INSERT OR UPDATE OR DELETE ON "access"."membership"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_membership_change"();

CREATE TRIGGER "membership_module_grant_announce_change"
  AFTER INSERT OR UPDATE OR DELETE ON "access"."membership_module_grant"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_membership_detail_change"();

CREATE TRIGGER "membership_permission_announce_change"
  AFTER INSERT OR UPDATE OR DELETE ON "access"."membership_permission"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_membership_detail_change"();

CREATE TRIGGER "entitlement_announce_change"
  AFTER INSERT OR UPDATE OR DELETE ON "access"."entitlement"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_company_change"();

-- A new company has no members yet: only a rename (the name is part of the access facts)
-- or a removal matters.
CREATE TRIGGER "company_announce_change"
  AFTER UPDATE OR DELETE ON "access"."company"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_company_row_change"();

CREATE TRIGGER "app_user_announce_removal"
  AFTER DELETE ON "access"."app_user"
  FOR EACH ROW EXECUTE FUNCTION "access"."announce_user_removed"();

CREATE TRIGGER "membership_announce_truncate"
  AFTER TRUNCATE ON "access"."membership"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."announce_everything_changed"();

CREATE TRIGGER "membership_module_grant_announce_truncate"
  AFTER TRUNCATE ON "access"."membership_module_grant"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."announce_everything_changed"();

CREATE TRIGGER "membership_permission_announce_truncate"
  AFTER TRUNCATE ON "access"."membership_permission"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."announce_everything_changed"();

CREATE TRIGGER "entitlement_announce_truncate"
  AFTER TRUNCATE ON "access"."entitlement"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."announce_everything_changed"();

CREATE TRIGGER "company_announce_truncate"
  AFTER TRUNCATE ON "access"."company"
  FOR EACH STATEMENT EXECUTE FUNCTION "access"."announce_everything_changed"();
