import type { Site } from './types';

/**
 * Any other site the agent turns on: textareas and contenteditable editors found by the generic
 * rules, replies taken as email, nothing known about the customer.
 */
export const generic: Site = {
  id: 'generic',
  name: 'Other sites',
  hosts: [],
  byDefault: false,
  skip: [],
  context: () => ({ channel: 'email', internal: false }),
};
