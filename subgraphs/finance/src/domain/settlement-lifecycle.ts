import { IllegalSettlementTransitionError, SettlementNotEditableError } from "./errors.ts";

/**
 * A settlement is drafted, approved, then paid. It only moves forward: approval
 * fixes the figures both sides agreed on, and a payment cannot be taken back.
 */
export const SETTLEMENT_STATUSES = ["DRAFT", "APPROVED", "PAID"] as const;

export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

const NEXT_STATUSES: Readonly<Record<SettlementStatus, readonly SettlementStatus[]>> = {
  DRAFT: ["APPROVED"],
  APPROVED: ["PAID"],
  PAID: [],
};

export function allowedTransitions(from: SettlementStatus): readonly SettlementStatus[] {
  return NEXT_STATUSES[from];
}

export function assertTransition(from: SettlementStatus, to: SettlementStatus): void {
  const allowed = allowedTransitions(from);
  if (!allowed.includes(to)) {
    throw new IllegalSettlementTransitionError(from, to, allowed);
  }
}

/** Figures can only change while nobody has signed off on them yet. */
export function assertEditable(status: SettlementStatus): void {
  if (status !== "DRAFT") {
    throw new SettlementNotEditableError(status);
  }
}
