// Venue's business rules, free of GraphQL and of the database.
export * from "./time-range.ts";
export * from "./space-blocks.ts";
export * from "./hold-ranking.ts";
export * from "./layout-capacity.ts";
export * from "./availability.ts";
