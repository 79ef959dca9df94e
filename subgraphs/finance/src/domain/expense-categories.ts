/** Every expense category, in the order the settlement waterfall lists them. */
export const EXPENSE_CATEGORIES = [
  "PRODUCTION",
  "MARKETING",
  "HOSPITALITY",
  "TRAVEL",
  "STAFFING",
  "VENUE_RENT",
  "OTHER",
] as const;

export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** How each category reads on a settlement sheet. */
export const EXPENSE_CATEGORY_LABELS: Readonly<Record<ExpenseCategory, string>> = {
  PRODUCTION: "Production",
  MARKETING: "Marketing",
  HOSPITALITY: "Hospitality",
  TRAVEL: "Travel",
  STAFFING: "Staffing",
  VENUE_RENT: "Venue rent",
  OTHER: "Other",
};

/**
 * Which settlement sheet an expense is on. An ARTIST_SHEET expense is a cost of the show the
 * acts' deals count; a HOUSE_ONLY one (the promoter's own staff, an internal recharge) is on
 * the promoter's books alone: it lowers the promoter's result, never an act's payout.
 */
export const EXPENSE_SHEETS = ["ARTIST_SHEET", "HOUSE_ONLY"] as const;

export type ExpenseSheet = (typeof EXPENSE_SHEETS)[number];
