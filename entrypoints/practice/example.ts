import type { LintInput } from '../../src/state/practice';

/** What a new user sees first: a frustrated customer and a reply with plenty to coach. */
export const EXAMPLE: LintInput = {
  customerMessage:
    "Hi,\nI ordered a blender two weeks ago and it still hasn't arrived. I've written twice already and nobody answers. This is really frustrating.\nDana",
  customerName: 'Dana',
  draft:
    "Hi Dana,\nPer our policy we can't refund an order that is still in transit. As I already said, the courier lost your parcel, that's not my department. Please WAIT until it arrives!!!",
  channel: 'email',
};
