/**
 * The bot's own words in German, as a receptionist writes to a guest: "Sie", friendly and to the point, dates day
 * first ("Sa., 3. Apr. 2027") and amounts the German way ("1.180 €"), both through Intl.
 */
import type { Wording } from './en';
import { formatDateFor, formatMoneyFor } from './format';

const date = formatDateFor('de');
const money = formatMoneyFor('de');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const guests = (n: number) => count(n, 'Person', 'Personen');
const nights = (n: number) => count(n, 'Nacht', 'Nächte');
const rooms = (n: number) => count(n, 'Zimmer', 'Zimmer');

export const de: Wording = {
  lang: 'de',
  date,
  money,
  guests,
  nights,
  rooms,
  roomsOf: (n, room) => (n > 1 ? `${n} × ${room}` : room),
  stay: (checkin, checkout, n) => `vom ${date(checkin)} bis ${date(checkout)} (${nights(n)})`,

  // Menu and greetings
  menu: {
    availability: 'Verfügbarkeit prüfen',
    book: 'Zimmer buchen',
    status: 'Meine Buchung',
    prices: 'Preise',
    human: 'Mit einer Person sprechen',
  },
  welcome: (hotel) => `Hallo! Ich bin der digitale Concierge im ${hotel}. Ich kann die Verfügbarkeit prüfen, ein Zimmer für Sie buchen oder bei einer bestehenden Buchung helfen.`,
  howCanIHelp: 'Wie kann ich Ihnen helfen?',
  anythingElse: 'Kann ich sonst noch etwas für Sie tun?',
  helloAgain: 'Hallo, schön, dass Sie wieder da sind!',
  welcomeBack: 'Da bin ich wieder und kümmere mich gern weiter um Sie.',
  welcomeBackDraft: (draft) => `Da bin ich wieder. Wir waren gerade bei Ihrer Buchung: ${draft}.`,
  welcomeBackManaging: (code) => `Da bin ich wieder. Wir hatten uns gerade die Buchung ${code} angesehen.`,
  carryOn: 'Sollen wir dort weitermachen?',
  continueBooking: 'Buchung fortsetzen',
  startOver: 'Neu beginnen',
  youreWelcome: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
  youreWelcomeBooked: (code) => `Gern geschehen! Wir freuen uns auf Ihren Besuch. Ihr Buchungscode lautet ${code}.`,
  goodbye: (hotel) => `Auf Wiedersehen, und vielen Dank für Ihre Nachricht an das ${hotel}!`,
  notUnderstood: 'Entschuldigung, ich bin nicht sicher, ob ich Sie richtig verstanden habe. Könnten Sie es anders formulieren? Dabei kann ich helfen:',
  chooseOrType: 'Wählen Sie eine Option oder schreiben Sie Ihre Frage.',
  typeYourQuestion: 'Könnten Sie Ihre Frage bitte schreiben?',
  cannotOpenFiles: 'Danke! Dateien kann ich hier leider nicht öffnen, aber wenn Sie Ihre Frage schreiben, helfe ich gern.',
  fileForPerson: 'Falls die Datei wichtig ist, fragen Sie nach einer Person – eine Kollegin oder ein Kollege sieht sie sich an.',
  staleOption: 'Diese Schaltfläche gehört zu einer früheren Frage. Hier sind wir gerade:',
  pleaseChoose: 'Bitte wählen Sie eine dieser Optionen:',

  // Booking: dates and party
  askDates: 'Für welche Daten darf es sein? Nennen Sie mir bitte An- und Abreisetag (oder die Anzahl der Nächte).',
  askNights: (checkin) => `Anreise am ${date(checkin)}. Wie viele Nächte bleiben Sie, oder wann reisen Sie ab?`,
  pastDate: (d) => `Der ${date(d)} liegt in der Vergangenheit. Welche Daten meinten Sie?`,
  pastDates: 'Diese Daten liegen in der Vergangenheit.',
  departureBeforeArrival: (checkin) => `Die Abreise muss nach der Anreise liegen. Anreise am ${date(checkin)}: Wann reisen Sie ab?`,
  tooLong: (max) => `Hier kann ich Aufenthalte bis zu ${max} Nächten buchen; bei längeren Aufenthalten hilft Ihnen gern das Team. Wie viele Nächte möchten Sie bleiben (bis zu ${max})?`,
  askGuests: (stay) => `Gern, ${stay}. Für wie viele Personen?`,
  otherDates: 'Nennen Sie mir gern andere Daten, dann schaue ich noch einmal.',

  // Booking: rooms and offers
  available: (stay, n) => `Frei ${stay}, ${guests(n)}:`,
  whichRoom: 'Welches Zimmer möchten Sie?',
  seeRoom: 'Zimmer ansehen',
  upTo: (n) => `Bis zu ${guests(n)}`,
  priceFor: (total, n) => `${total} insgesamt${n > 1 ? ` für ${rooms(n)}` : ''}`,
  roomHolds: (room, capacity, n, needed) => `${room}: höchstens ${guests(capacity)} pro Zimmer, für ${guests(n)} brauchen Sie also ${rooms(needed)}.`,
  roomTooSmall: (room, capacity, n) => `${room}: höchstens ${guests(capacity)} pro Zimmer, nicht ${n}. Diese Zimmer passen für Sie:`,
  tooFewOfType: (room, free, wanted) =>
    free ? `Für diese Daten ist nur noch ${free} × ${room} frei (Sie hatten ${wanted} angefragt).` : `${room} ist für diese Daten leider ausgebucht.`,
  mixOffer: (lines, total) => `Ich kann Ihnen ${lines} anbieten: ${total} insgesamt.`,
  mixTitle: 'Diese Kombination buchen',
  fullyBooked: (stay) => `Es tut mir leid, ${stay} haben wir keine Zimmer mehr für Sie frei. Kämen andere Daten infrage?`,
  lastRoomTaken: 'Es tut mir leid, das letzte Zimmer dieser Kategorie wurde gerade gebucht.',
  couldNotBook: (why) => `Das konnte ich leider nicht buchen: ${why}.`,
  roomAvailable: (room, total, stay) => `Sehr gut, ${room} ist ${stay} frei: ${total} insgesamt.`,

  // Booking: details, summary, confirmation
  whoFor: 'Auf welchen Namen darf ich buchen?',
  fullName: 'Vor- und Nachname',
  email: 'E-Mail',
  namePlaceholder: 'z. B. Ihr Vor- und Nachname',
  emailPlaceholder: 'z. B. name@beispiel.de',
  continue: 'Weiter',
  askName: 'Auf welchen Namen darf ich buchen?',
  askEmail: 'Und Ihre E-Mail-Adresse für die Bestätigung?',
  notAnEmail: (e) => `„${e}“ sieht nicht nach einer E-Mail-Adresse aus.`,
  checkBooking: 'Bitte prüfen Sie Ihre Buchung:',
  payAtHotel: (total) => `Gesamt: ${total} (Zahlung im Hotel)`,
  cancellation: (policy) => `Stornierung: ${policy}`,
  confirmQuestion: 'Soll ich die Buchung bestätigen?',
  confirmBooking: 'Buchung bestätigen',
  changeSomething: 'Etwas ändern',
  cancel: 'Abbrechen',
  notBooked: 'In Ordnung, ich habe nichts gebucht.',
  letUsChange: 'Kein Problem: Sagen Sie mir, was ich ändern soll (Daten, Personen, Zimmer), oder wählen Sie unten ein Zimmer.',
  confirmed: 'Ihre Buchung ist bestätigt!',
  confirmationCode: (code) => `Buchungscode: ${code}`,
  confirmedTotal: (total, checkin, checkout) => `Gesamt ${total}, zahlbar im Hotel. Check-in ab ${checkin} Uhr, Check-out bis ${checkout} Uhr.`,
  keepCode: 'Bewahren Sie den Code gut auf: Mit ihm und Ihrer E-Mail-Adresse können Sie die Buchung hier ansehen, ändern oder stornieren.',
  alreadyConfirmed: (code) => `Ihre Buchung ist bereits bestätigt. Buchungscode: ${code}`,

  // Existing bookings
  askCode: 'Bitte nennen Sie mir Ihren Buchungscode (8 Zeichen, z. B. K7M2Q9XA).',
  askCodeAgain: 'Wie lautet der Buchungscode?',
  askLookupEmail: 'Und mit welcher E-Mail-Adresse wurde gebucht?',
  notFound: 'Zu diesem Code und dieser E-Mail-Adresse finde ich keine Buchung. Bitte prüfen Sie beides und versuchen Sie es noch einmal.',
  whichBooking: 'Welche Buchung meinen Sie?',
  bookingDetails: (code, status, roomsText, stay, n, name, total) => `Buchung ${code} (${status}): ${roomsText}, ${stay}, ${guests(n)}, auf den Namen ${name}, gesamt ${total}.`,
  statusConfirmed: 'bestätigt',
  statusCancelled: 'storniert',
  changeOrCancel: 'Möchten Sie sie ändern oder stornieren?',
  changeIt: 'Ändern',
  cancelIt: 'Stornieren',
  noThanks: 'Nein, danke',
  alreadyCancelled: 'Sie ist bereits storniert.',
  reallyCancel: (policy) => `Möchten Sie die Buchung wirklich stornieren? ${policy}`.trim(),
  yesCancel: 'Ja, stornieren',
  noKeep: 'Nein, behalten',
  cancelledDone: (code) => `Ihre Buchung ${code} ist storniert. Wir hoffen, Sie ein anderes Mal bei uns begrüßen zu dürfen.`,
  wasAlreadyCancelled: 'Diese Buchung war bereits storniert.',
  noLongerFound: 'Diese Buchung kann ich nicht mehr finden.',
  keptAsIs: 'In Ordnung, Ihre Buchung bleibt, wie sie ist.',
  whatToChange: 'Was möchten Sie ändern? Sie können es auch schreiben, z. B. „2 Personen“ oder „einen Tag später anreisen“.',
  dates: 'Daten',
  guestsTitle: 'Personen',
  roomType: 'Zimmerkategorie',
  nameTitle: 'Name',
  askNewDates: 'Was sind die neuen Daten? (zum Beispiel „12. bis 15. Juni“)',
  askNewGuests: 'Wie viele Personen werden es sein?',
  askNewName: 'Auf welchen Namen soll die Buchung laufen?',
  whichRoomInstead: 'Welches Zimmer möchten Sie stattdessen?',
  noOtherRoom: 'Für diese Daten ist leider keine andere Zimmerkategorie frei.',
  datesDoNotWork: 'Diese Daten gehen leider nicht (sie liegen in der Vergangenheit, oder die Abreise liegt vor der Anreise).',
  changeTooBig: (room, max) => `${room} bietet Platz für höchstens ${guests(max)}. Wählen Sie eine andere Kategorie, oder das Team hilft Ihnen bei einer größeren Änderung.`,
  changeQuote: (summary, total, was) => `Neue Buchung: ${summary}: ${total} insgesamt (bisher ${was}). Soll ich die Änderung bestätigen?`,
  confirmChange: 'Änderung bestätigen',
  keepBooking: 'Buchung behalten',
  changed: (code, summary, total) => `Erledigt! Buchung ${code} lautet jetzt: ${summary}, gesamt ${total}.`,
  changeUnavailable: (why) => `Das ist leider nicht verfügbar: ${why}. Ihre Buchung bleibt unverändert.`,
  changeFailed: (why) => `Das konnte ich leider nicht ändern: ${why}. Ihre Buchung bleibt unverändert.`,
  nothingChanged: 'In Ordnung, ich habe nichts geändert.',

  // Information
  pricesFor: (stay) => `Preise ${stay}:`,
  priceLine: (room, total, n, soldOut) => `• ${room}: ${total} für ${nights(n)}${soldOut ? ' (ausgebucht)' : ''}`,
  ourRooms: 'Unsere Zimmer:',
  fromPerNight: (room, price, capacity) => `• ${room}: ab ${price} pro Nacht (bis zu ${guests(capacity)})`,
  ratesVary: 'Die Preise hängen vom Datum ab: Nennen Sie mir Ihre Daten, dann sage ich Ihnen den genauen Preis.',
  checkAvailabilityQuestion: 'Soll ich die Verfügbarkeit prüfen?',
  topics: (topics) => `Ich kann Ihnen Auskunft geben zu: ${topics}. Was möchten Sie wissen?`,
  notAHotelService: 'Das kann ich hier leider nicht buchen oder organisieren.',

  // Handoff
  handoffRequested: 'Selbstverständlich! Ich gebe Sie an unser Team weiter; Sie erhalten hier in Kürze eine Antwort.',
  handoffOther: 'Ich gebe Sie an unser Team weiter, damit Sie die richtige Antwort bekommen; Sie erhalten hier in Kürze eine Antwort.',
  handoffGroup: (n) => `Für eine Gruppe mit ${rooms(n)} erstellt unser Team das Angebot persönlich. Ich gebe Sie an eine Kollegin oder einen Kollegen weiter; Sie erhalten hier in Kürze eine Antwort.`,
  handoffError: 'Entschuldigung, da ist ein Problem aufgetreten. Unser Team übernimmt und antwortet Ihnen hier in Kürze.',
  handoffLookups: 'Code und E-Mail-Adresse passen leider nicht zusammen. Unser Team hilft Ihnen mit Ihrer Buchung weiter und antwortet hier in Kürze.',
};
