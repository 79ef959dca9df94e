// What changed in the access directory, as the directory announces it (migration
// 20261127140000_access_change_notifications): the narrowest scope whose cached access
// contexts a process must drop. A payload this code does not understand drops everything:
// forgetting too much costs a lookup, remembering too much keeps a revoked grant alive.

/** The PostgreSQL channel the access directory's triggers notify on. */
export const accessChangesChannel = "marquee_access_changes";

export type AccessChange =
  | { scope: "membership"; userId: string; companyId: string }
  | { scope: "company"; companyId: string }
  | { scope: "user"; userId: string }
  | { scope: "everything" };

export function parseAccessChange(payload: string | undefined): AccessChange {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? "");
  } catch {
    return { scope: "everything" };
  }
  if (typeof parsed !== "object" || parsed === null) return { scope: "everything" };
  const { scope, userId, companyId } = parsed as Record<string, unknown>;
  if (scope === "membership" && typeof userId === "string" && typeof companyId === "string") return { scope, userId, companyId };
  if (scope === "company" && typeof companyId === "string") return { scope, companyId };
  if (scope === "user" && typeof userId === "string") return { scope, userId };
  return { scope: "everything" };
}

/** Whether a cached context of (userId, companyId) is covered by the change. */
export function accessChangeCovers(change: AccessChange, userId: string, companyId: string): boolean {
  switch (change.scope) {
    case "membership":
      return change.userId === userId && change.companyId === companyId;
    case "company":
      return change.companyId === companyId;
    case "user":
      return change.userId === userId;
    case "everything":
      return true;
  }
}
