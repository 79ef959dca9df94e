// Recording, correcting and deleting an entry of a ledger (an expense, income), alike for
// both: the fields every entry has (its event, description, amount and counterparty) are
// read here; each ledger reads its own. The event is checked in Base, then the entry is
// written through the company-scoped data layer, where an id of another company fails
// like an unknown id.
import { assertExistInBase } from "@marquee/kit";
import type { MoneyInput } from "../__generated__/resolvers-types.ts";
import type { FinanceContext } from "../context.ts";
import type { FinanceData } from "../data/finance-data.ts";
import type { LedgerDraft } from "../data/ledger-repository.ts";
import { optionalText, positiveAmount, requiredText } from "../inputs.ts";

type Counterparty<Party extends string> = { [Field in Party]?: string | null };

/** What every entry is recorded from; the ledger adds its own fields. */
type RecordInput<Party extends string> = { eventId?: string | null; description: string; amount: MoneyInput } & Counterparty<Party>;

/** What every entry is corrected from: left out keeps a field. */
type UpdateInput<Party extends string> = { id: string; eventId?: string | null; description?: string | null; amount?: MoneyInput | null } & Counterparty<Party>;

/** The ledger's repository, as the mutations write through it. */
interface Ledger<Party extends string, Own, Entry> {
  record(draft: LedgerDraft & Record<Party, string | null> & Own): Promise<Entry>;
  update(id: string, changes: Partial<LedgerDraft> & Partial<Record<Party, string | null>> & Partial<Own>): Promise<Entry>;
  remove(id: string): Promise<Entry>;
}

export interface LedgerInputs<Party extends string, Recorded extends RecordInput<Party>, Updated extends UpdateInput<Party>, Own> {
  /** Who was paid or who paid (the vendor, the payer): optional text, cleared by null. */
  counterparty: Party;
  /** The ledger's own fields of a new entry. */
  record(input: Recorded): Own;
  /** The ledger's own fields of a correction: undefined keeps a field. */
  update(input: Updated): Partial<Own>;
}

/** The record, update and delete resolvers of the ledger `ledgerOf` picks from the request's finance data. */
export function ledgerMutations<Party extends string, Recorded extends RecordInput<Party>, Updated extends UpdateInput<Party>, Own, Entry>(
  ledgerOf: (finance: FinanceData) => Ledger<Party, Own, Entry>,
  inputs: LedgerInputs<Party, Recorded, Updated, Own>,
) {
  const party = inputs.counterparty;
  const counterparty = (written: string | null | undefined) => ({ [party]: optionalText(written, party) }) as Record<Party, string | null>;
  const kept: Partial<Record<Party, string | null>> = {};

  return {
    record: async (_: unknown, { input }: { input: Recorded }, { finance, base }: FinanceContext) => {
      const draft = {
        eventId: input.eventId ?? null,
        description: requiredText(input.description, "description"),
        ...counterparty(input[party]),
        amount: positiveAmount(input.amount, "amount"),
        ...inputs.record(input),
      };
      if (draft.eventId) await assertExistInBase(base, "Event", [draft.eventId]);
      return ledgerOf(finance).record(draft);
    },

    update: async (_: unknown, { input }: { input: Updated }, { finance, base }: FinanceContext) => {
      const changes = {
        // Left out keeps a field. A null event unties the entry from any event (an expense becomes
        // company overhead); a null counterparty clears it.
        eventId: input.eventId,
        description: input.description == null ? undefined : requiredText(input.description, "description"),
        ...(input[party] === undefined ? kept : counterparty(input[party])),
        amount: input.amount ? positiveAmount(input.amount, "amount") : undefined,
        ...inputs.update(input),
      };
      if (changes.eventId) await assertExistInBase(base, "Event", [changes.eventId]);
      return ledgerOf(finance).update(input.id, changes);
    },

    remove: (_: unknown, { id }: { id: string }, { finance }: FinanceContext) => ledgerOf(finance).remove(id),
  };
}
