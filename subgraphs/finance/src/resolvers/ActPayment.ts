import type { ActPaymentResolvers } from "../__generated__/resolvers-types.ts";

export const ActPayment: ActPaymentResolvers = {
  artist: (payment) => ({ id: payment.artistId }),
};
