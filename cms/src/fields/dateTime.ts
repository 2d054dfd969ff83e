// Dates and times as Québec staff write them: « 30 novembre 2026, 15 h 00 », a
// 24-hour time picker. The month name follows the admin's language; the time
// column's caption is react-datepicker's own (« Time »), so it is set here.
export const DATE_TIME_FORMAT = "d MMMM yyyy, HH 'h' mm"

/** `admin.date` for a date-and-time field. */
export const dateTimePicker = {
  pickerAppearance: 'dayAndTime',
  displayFormat: DATE_TIME_FORMAT,
  timeFormat: 'HH:mm',
  timeIntervals: 15,
  overrides: { timeCaption: 'Heure' },
} as const
