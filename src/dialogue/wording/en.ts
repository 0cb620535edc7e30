/**
 * The bot's own words in English. Every language has one catalog of the same shape (`Wording`); flows never hold
 * sentences of their own. Dates come formatted by `Intl.DateTimeFormat` for the catalog's language.
 */
import { formatDateFor, formatMoneyFor } from './format';

const date = formatDateFor('en');
const money = formatMoneyFor('en');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const en = {
  lang: 'en',
  date,
  money,
  guests: (n: number) => plural(n, 'guest'),
  nights: (n: number) => plural(n, 'night'),
  rooms: (n: number) => plural(n, 'room'),
  roomsOf: (n: number, room: string) => (n > 1 ? `${n} × ${room}` : room),
  stay: (checkin: string, checkout: string, nights: number) => `${date(checkin)} to ${date(checkout)} (${plural(nights, 'night')})`,

  // Menu and greetings
  menu: {
    availability: 'Check availability',
    book: 'Book a room',
    status: 'My booking',
    prices: 'Prices',
    human: 'Talk to a person',
  },
  welcome: (hotel: string) => `Hi! I'm the virtual concierge of ${hotel}. I can check availability, book a room, or help with a booking you have.`,
  howCanIHelp: 'How can I help you today?',
  anythingElse: 'Anything else I can do for you?',
  helloAgain: 'Hello again!',
  welcomeBack: "Welcome back! I'm here again.",
  welcomeBackDraft: (draft: string) => `Welcome back! I'm here again. We were preparing your booking: ${draft}.`,
  welcomeBackManaging: (code: string) => `Welcome back! I'm here again. We were looking at booking ${code}.`,
  carryOn: 'Shall we carry on?',
  continueBooking: 'Continue booking',
  startOver: 'Start over',
  youreWelcome: "You're welcome! Anything else I can do for you?",
  youreWelcomeBooked: (code: string) => `You're welcome! We look forward to your stay. Your confirmation code is ${code}.`,
  goodbye: (hotel: string) => `Goodbye, and thank you for contacting ${hotel}!`,
  notUnderstood: "Sorry, I'm not sure I understood. Could you say it another way? I can help with these:",
  chooseOrType: 'Choose an option or type your question.',
  typeYourQuestion: 'Could you type your question?',
  cannotOpenFiles: "Thanks! I can't open files here, but I can help if you type your question.",
  fileForPerson: 'If the file is important, ask for a person and a colleague will look at it.',
  staleOption: 'That button belongs to an earlier question. Here is where we are:',
  pleaseChoose: 'Please choose one of these:',

  // Booking: dates and party
  askDates: 'When would you like to stay? Tell me the arrival date and the departure date (or the number of nights).',
  askNights: (checkin: string) => `Arriving ${date(checkin)}. How many nights will you stay, or what is your departure date?`,
  pastDate: (d: string) => `${date(d)} is in the past. Which dates did you mean?`,
  pastDates: 'Those dates are in the past.',
  departureBeforeArrival: (checkin: string) => `The departure date must be after the arrival date. Arriving ${date(checkin)}: when will you leave?`,
  tooLong: (max: number) => `I can book stays of up to ${max} nights here; for longer stays a colleague will help you. How many nights would you like (up to ${max})?`,
  askGuests: (stay: string) => `${stay}. How many guests will stay?`,
  otherDates: 'Tell me other dates and I will check again.',

  // Booking: rooms and offers
  available: (stay: string, guests: number) => `Available ${stay}, ${plural(guests, 'guest')}:`,
  whichRoom: 'Which room would you like?',
  seeRoom: 'See the room',
  upTo: (n: number) => `Up to ${plural(n, 'guest')}`,
  priceFor: (total: string, rooms: number) => `${total} in total${rooms > 1 ? ` for ${rooms} rooms` : ''}`,
  roomHolds: (room: string, capacity: number, guests: number, rooms: number) =>
    `A ${room} holds ${plural(capacity, 'guest')}, so for ${plural(guests, 'guest')} you need ${plural(rooms, 'room')}.`,
  roomTooSmall: (room: string, capacity: number, guests: number) => `A ${room} holds ${plural(capacity, 'guest')}, not ${guests}. These rooms fit your party:`,
  tooFewOfType: (room: string, free: number, wanted: number) =>
    free ? `Only ${free} ${room}${free === 1 ? ' is' : 's are'} free on those dates (you asked for ${wanted}).` : `The ${room} is sold out on those dates.`,
  mixTooSmall: (rooms: string, capacity: number, guests: number) => `${rooms} hold ${plural(capacity, 'guest')}, not ${guests}.`,
  mixTooManyRooms: (rooms: number, guests: number) => `${plural(rooms, 'room')} for ${plural(guests, 'guest')} would leave a room empty.`,
  mixOffer: (lines: string, total: string) => `I can offer ${lines}: ${total} in total.`,
  mixTitle: 'Book this combination',
  fullyBooked: (stay: string) => `I'm sorry, we have no rooms for your party ${stay}. Would other dates work?`,
  lastRoomTaken: 'I am sorry, the last room of that type was just taken.',
  couldNotBook: (why: string) => `I could not book that: ${why}.`,
  roomAvailable: (room: string, total: string, stay: string) => `Great, ${room} is available ${stay}: ${total} in total.`,

  // Booking: details, summary, confirmation
  whoFor: 'Who is the booking for?',
  fullName: 'Full name',
  email: 'Email',
  namePlaceholder: 'e.g. your first and last name',
  emailPlaceholder: 'e.g. name@example.com',
  continue: 'Continue',
  askName: 'What name should the booking be under?',
  askEmail: 'And your email address, for the confirmation?',
  notAnEmail: (e: string) => `"${e}" does not look like an email address.`,
  checkBooking: 'Please check your booking:',
  payAtHotel: (total: string) => `Total: ${total} (pay at the hotel)`,
  cancellation: (policy: string) => `Cancellation: ${policy}`,
  confirmQuestion: 'Shall I confirm it?',
  confirmBooking: 'Confirm booking',
  changeSomething: 'Change something',
  cancel: 'Cancel',
  notBooked: 'Okay, I have not booked anything.',
  letUsChange: 'No problem: tell me what to change (dates, guests, room), or pick a room below.',
  confirmed: 'Your booking is confirmed!',
  confirmationCode: (code: string) => `Confirmation code: ${code}`,
  confirmedTotal: (total: string, checkin: string, checkout: string) =>
    `Total ${total}, to pay at the hotel. Check-in from ${checkin}, check-out until ${checkout}.`,
  keepCode: 'Keep the code: with it and your email you can look up, change or cancel the booking here.',
  alreadyConfirmed: (code: string) => `Your booking is already confirmed. Confirmation code: ${code}`,

  // Existing bookings
  askCode: 'Please tell me your confirmation code (8 characters, e.g. K7M2Q9XA).',
  askCodeAgain: 'What is the confirmation code?',
  askLookupEmail: 'And the email address the booking was made with?',
  notFound: 'I could not find a booking with that code and email. Please check both and try again.',
  whichBooking: 'Which booking do you mean?',
  bookingDetails: (code: string, status: string, rooms: string, stay: string, guests: number, name: string, total: string) =>
    `Booking ${code} (${status}): ${rooms}, ${stay}, ${plural(guests, 'guest')}, ${name}, total ${total}.`,
  statusConfirmed: 'confirmed',
  statusCancelled: 'cancelled',
  changeOrCancel: 'Would you like to change or cancel it?',
  changeIt: 'Change it',
  cancelIt: 'Cancel it',
  noThanks: 'No, thanks',
  alreadyCancelled: 'It is already cancelled.',
  reallyCancel: (policy: string) => `Do you really want to cancel it? ${policy}`.trim(),
  yesCancel: 'Yes, cancel it',
  noKeep: 'No, keep it',
  cancelledDone: (code: string) => `Your booking ${code} is cancelled. We hope to welcome you another time.`,
  wasAlreadyCancelled: 'That booking was already cancelled.',
  noLongerFound: 'I could not find that booking any more.',
  keptAsIs: 'Okay, your booking stays as it is.',
  whatToChange: 'What would you like to change? You can also type it, e.g. "2 guests" or "arrive a day later".',
  dates: 'Dates',
  guestsTitle: 'Guests',
  roomType: 'Room type',
  nameTitle: 'Name',
  askNewDates: 'What are the new dates? (for example "12 to 15 June")',
  askNewGuests: 'How many guests will there be?',
  askNewName: 'Which name should the booking be under?',
  whichRoomInstead: 'Which room would you like instead?',
  noOtherRoom: 'No other room type is free for those dates, sorry.',
  datesDoNotWork: 'Those dates do not work (in the past, or leaving before arriving).',
  changeTooBig: (room: string, max: number) => `${room} holds at most ${plural(max, 'guest')}. Choose another room type, or a colleague can help with a bigger change.`,
  changeQuote: (summary: string, total: string, was: string) => `New booking: ${summary}: ${total} in total (was ${was}). Confirm the change?`,
  confirmChange: 'Confirm change',
  keepBooking: 'Keep my booking',
  changed: (code: string, summary: string, total: string) => `Done! Booking ${code} is now ${summary}, total ${total}.`,
  changeUnavailable: (why: string) => `Sorry, that is not available: ${why}. Your booking is unchanged.`,
  changeFailed: (why: string) => `I could not change it: ${why}. Your booking is unchanged.`,
  nothingChanged: 'Okay, nothing was changed.',

  // Information
  pricesFor: (stay: string) => `Prices ${stay}:`,
  priceLine: (room: string, total: string, nights: number, soldOut: boolean) => `• ${room}: ${total} for ${plural(nights, 'night')}${soldOut ? ' (sold out)' : ''}`,
  ourRooms: 'Our rooms:',
  fromForNights: (room: string, total: string, n: number) => `• ${room}: ${plural(n, 'night')} from ${total}`,
  fromPerNight: (room: string, price: string, capacity: number) => `• ${room}: from ${price} per night (up to ${plural(capacity, 'guest')})`,
  ratesVary: 'Rates vary by date: tell me your dates for an exact price.',
  checkAvailabilityQuestion: 'Would you like to check availability?',
  topics: (topics: string) => `I can tell you about: ${topics}. What would you like to know?`,
  notAHotelService: 'That is not something I can book or arrange here.',

  // Handoff
  handoffRequested: 'Of course! I am passing you to a member of our team; they will reply here shortly.',
  handoffOther: 'I am passing you to a member of our team so you get the right answer; they will reply here shortly.',
  handoffGroup: (rooms: number) => `For a group of ${plural(rooms, 'room')} our team prepares the offer themselves. I am passing you to a colleague; they will reply here shortly.`,
  handoffError: 'Sorry, I ran into a problem. A member of our team will take over and reply here shortly.',
  handoffLookups: 'I could not match that code and email. A member of our team will help you with your booking; they will reply here shortly.',
};

export type Wording = typeof en;
