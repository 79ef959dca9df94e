import type { ViewerResolvers } from "../__generated__/resolvers-types.ts";

/** Who the token says the caller is; their companies are looked up only when asked for. */
export interface ViewerIdentity {
  id: string;
  email: string | null;
}

const byName = (left: { name: string }, right: { name: string }) => left.name.localeCompare(right.name);

export const Viewer: ViewerResolvers = {
  // The kit resolves the access (spec §4.1); Base only shapes it for the frontend.
  companies: async (_viewer, _args, context) =>
    (await context.viewerAccess())
      .map((access) => ({
        id: access.companyId,
        name: access.companyName,
        modules: [...access.modules].sort(),
        permissions: [...access.permissions].sort(),
      }))
      .sort(byName),
};
