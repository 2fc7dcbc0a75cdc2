/**
 * 联系人 and 联系电话: set in the workspace settings, printed in the official header of the package's documents
 * (目录, 签批单, 校验报告) and on the 台账. Either may be empty: the documents then leave a line to write on.
 */
export const CONTACT_NAME_MAX = 30;
export const CONTACT_PHONE_MAX = 50;

/**
 * What people write in a phone number: digits (half- or full-width), spaces, dashes, brackets around an area code,
 * `+86`, `转` for an extension, and `、，；/` between two numbers (`0591-87654321、13800000000`).
 */
const PHONE = /^[0-9０-９ \-－—+＋()（）、，,；;/转]*$/u;

/** Whether `phone` reads as one or more phone numbers (or is empty). */
export function isValidPhone(phone: string): boolean {
  return phone.length <= CONTACT_PHONE_MAX && PHONE.test(phone) && (phone.trim() === '' || /[0-9０-９]/u.test(phone));
}
