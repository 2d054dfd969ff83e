// tel: links from phone numbers as editors write them ("1 888 933-9007",
// "555-0101 (démo)"): digits and a leading + only; no digits, no link.
export function telHref(phone: string): string | null {
  const digits = phone.trim().replace(/(?!^\+)[^\d]/g, '')
  return /\d/.test(digits) ? `tel:${digits}` : null
}
