// Each mutation validates its input, checks the Base ids it is given, then writes through
// the company-scoped data layer; an id of another company fails there like an unknown id.
// Putting terms on the table (an offer, a counter-offer) answers with the radius warnings.
import { assertExistInBase } from "@marquee/kit";
import type { MutationResolvers } from "../__generated__/resolvers-types.ts";
import type { MarketContext } from "../context.ts";
import type { DealRecord } from "../data/records.ts";
import { offerTerms, optionalText, requiredText } from "../inputs.ts";
import { radiusWarnings, type DealOfferRecord } from "../radius-warnings.ts";

async function withRadiusWarnings(context: MarketContext, deal: DealRecord): Promise<DealOfferRecord> {
  return { deal, warnings: await radiusWarnings(context, deal) };
}

export const Mutation: MutationResolvers = {
  createDeal: async (_, { input }, context) => {
    const draft = {
      artistId: input.artistId,
      eventId: input.eventId ?? null,
      terms: offerTerms(input.terms),
      notes: optionalText(input.notes, "notes"),
    };
    await Promise.all([assertExistInBase(context.base, "Artist", [draft.artistId]), draft.eventId && assertExistInBase(context.base, "Event", [draft.eventId])]);
    return context.market.deals.create(draft);
  },

  updateDeal: async (_, { input }, context) => {
    const changes = {
      // Left out keeps the event; null opens the date again.
      eventId: input.eventId,
      notes: input.notes === undefined ? undefined : optionalText(input.notes, "notes"),
      terms: input.terms ? offerTerms(input.terms) : undefined,
    };
    if (changes.eventId) await assertExistInBase(context.base, "Event", [changes.eventId]);
    return context.market.deals.edit(input.id, changes);
  },

  offerDeal: async (_, { id }, context) => withRadiusWarnings(context, await context.market.deals.offer(id)),

  counterDeal: async (_, { input }, context) => withRadiusWarnings(context, await context.market.deals.counter(input.id, offerTerms(input.terms), input.termsVersionId)),

  acceptDeal: (_, { id, termsVersionId }, { market }) => market.deals.accept(id, termsVersionId),
  declineDeal: (_, { id, termsVersionId }, { market }) => market.deals.decline(id, termsVersionId),
  withdrawDeal: (_, { id }, { market }) => market.deals.withdraw(id),
  deleteDeal: (_, { id }, { market }) => market.deals.deleteDraft(id),

  createContract: (_, { dealId }, { market }) => market.contracts.create(dealId),
  sendContract: (_, { id }, { market }) => market.contracts.send(id),
  signContract: (_, { input }, { market }) => market.contracts.sign(input.id, input.party, requiredText(input.signerName, "signerName")),
  voidContract: (_, { input }, { market }) => market.contracts.void(input.id, requiredText(input.reason, "reason")),
};
