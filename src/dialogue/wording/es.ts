/**
 * The bot's own words in Spanish, as a receptionist writes to a guest: "usted", short sentences, dates day first
 * ("sáb, 3 abr 2027") and amounts the Spanish way ("1180 €"), both through Intl.
 */
import type { Wording } from './en';
import { formatDateFor, formatMoneyFor } from './format';

const date = formatDateFor('es');
const money = formatMoneyFor('es');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const guests = (n: number) => count(n, 'persona', 'personas');
const nights = (n: number) => count(n, 'noche', 'noches');
const rooms = (n: number) => count(n, 'habitación', 'habitaciones');

export const es: Wording = {
  lang: 'es',
  date,
  money,
  guests,
  nights,
  rooms,
  roomsOf: (n, room) => (n > 1 ? `${n} × ${room}` : room),
  stay: (checkin, checkout, n) => `del ${date(checkin)} al ${date(checkout)} (${nights(n)})`,

  // Menu and greetings
  menu: {
    availability: 'Ver disponibilidad',
    book: 'Reservar una habitación',
    status: 'Mi reserva',
    prices: 'Precios',
    human: 'Hablar con una persona',
  },
  welcome: (hotel) => `¡Hola! Soy el conserje virtual de ${hotel}. Puedo consultar la disponibilidad, reservarle una habitación o ayudarle con una reserva que ya tenga.`,
  howCanIHelp: '¿En qué puedo ayudarle?',
  anythingElse: '¿Puedo ayudarle en algo más?',
  helloAgain: '¡Hola de nuevo!',
  welcomeBack: '¡Hola de nuevo! Vuelvo a atenderle yo.',
  welcomeBackDraft: (draft) => `¡Hola de nuevo! Vuelvo a atenderle yo. Estábamos preparando su reserva: ${draft}.`,
  welcomeBackManaging: (code) => `¡Hola de nuevo! Vuelvo a atenderle yo. Estábamos mirando la reserva ${code}.`,
  carryOn: '¿Seguimos donde lo dejamos?',
  continueBooking: 'Seguir con la reserva',
  startOver: 'Empezar de nuevo',
  youreWelcome: '¡De nada! ¿Puedo ayudarle en algo más?',
  youreWelcomeBooked: (code) => `¡De nada! Le esperamos con mucho gusto. Su código de reserva es ${code}.`,
  goodbye: (hotel) => `¡Hasta pronto, y gracias por escribir a ${hotel}!`,
  notUnderstood: 'Perdone, no estoy seguro de haberle entendido. ¿Podría decírmelo de otra forma? Puedo ayudarle con esto:',
  chooseOrType: 'Elija una opción o escriba su pregunta.',
  typeYourQuestion: '¿Podría escribir su pregunta?',
  cannotOpenFiles: 'Gracias. Aquí no puedo abrir archivos, pero si me escribe su pregunta le ayudo encantado.',
  fileForPerson: 'Si el archivo es importante, pida hablar con una persona y un compañero lo revisará.',
  staleOption: 'Ese botón era de una pregunta anterior. Estamos aquí:',
  pleaseChoose: 'Elija una de estas opciones, por favor:',

  // Booking: dates and party
  askDates: '¿Para qué fechas sería? Dígame el día de llegada y el de salida (o cuántas noches).',
  askNights: (checkin) => `Llegada el ${date(checkin)}. ¿Cuántas noches se quedaría, o qué día sale?`,
  pastDate: (d) => `El ${date(d)} ya ha pasado. ¿Qué fechas quería decir?`,
  pastDates: 'Esas fechas ya han pasado.',
  departureBeforeArrival: (checkin) => `La salida tiene que ser después de la llegada. Llega el ${date(checkin)}: ¿qué día se marcha?`,
  tooLong: (max) => `Por aquí puedo reservar estancias de hasta ${max} noches; para estancias más largas le atenderá un compañero. ¿Cuántas noches desea (hasta ${max})?`,
  askGuests: (stay) => `Perfecto, ${stay}. ¿Cuántas personas se alojarán?`,
  otherDates: 'Dígame otras fechas y lo vuelvo a mirar.',

  // Booking: rooms and offers
  available: (stay, n) => `Disponible ${stay}, ${guests(n)}:`,
  whichRoom: '¿Qué habitación prefiere?',
  seeRoom: 'Ver la habitación',
  upTo: (n) => `Hasta ${guests(n)}`,
  priceFor: (total, n) => `${total} en total${n > 1 ? ` por ${rooms(n)}` : ''}`,
  roomHolds: (room, capacity, n, needed) => `Cada ${room} es para ${guests(capacity)} como máximo, así que para ${guests(n)} hacen falta ${rooms(needed)}.`,
  roomTooSmall: (room, capacity, n) => `Cada ${room} es para ${guests(capacity)} como máximo, no para ${n}. Estas habitaciones sí les sirven:`,
  tooFewOfType: (room, free, wanted) =>
    free ? `Para esas fechas solo hay disponibilidad de ${free} × ${room} (me pidió ${wanted}).` : `Lo siento, no hay disponibilidad de ${room} en esas fechas.`,
  mixOffer: (lines, total) => `Le puedo ofrecer ${lines}: ${total} en total.`,
  mixTitle: 'Reservar esta combinación',
  fullyBooked: (stay) => `Lo siento, no nos quedan habitaciones para su grupo ${stay}. ¿Le irían bien otras fechas?`,
  lastRoomTaken: 'Lo siento, acaban de reservar la última habitación de ese tipo.',
  couldNotBook: (why) => `No he podido hacer la reserva: ${why}.`,
  roomAvailable: (room, total, stay) => `¡Estupendo! Tenemos ${room} libre ${stay}: ${total} en total.`,

  // Booking: details, summary, confirmation
  whoFor: '¿A nombre de quién hago la reserva?',
  fullName: 'Nombre y apellidos',
  email: 'Correo electrónico',
  namePlaceholder: 'p. ej. su nombre y apellido',
  emailPlaceholder: 'p. ej. nombre@ejemplo.com',
  continue: 'Continuar',
  askName: '¿A nombre de quién hago la reserva?',
  askEmail: '¿Y su correo electrónico, para enviarle la confirmación?',
  notAnEmail: (e) => `«${e}» no parece una dirección de correo.`,
  checkBooking: 'Revise su reserva, por favor:',
  payAtHotel: (total) => `Total: ${total} (se paga en el hotel)`,
  cancellation: (policy) => `Cancelación: ${policy}`,
  confirmQuestion: '¿Se la confirmo?',
  confirmBooking: 'Confirmar la reserva',
  changeSomething: 'Cambiar algo',
  cancel: 'Cancelar',
  notBooked: 'De acuerdo, no he reservado nada.',
  letUsChange: 'Sin problema: dígame qué quiere cambiar (fechas, personas, habitación) o elija una habitación aquí abajo.',
  confirmed: '¡Su reserva está confirmada!',
  confirmationCode: (code) => `Código de reserva: ${code}`,
  confirmedTotal: (total, checkin, checkout) => `Total ${total}, a pagar en el hotel. Entrada a partir de las ${checkin}, salida hasta las ${checkout}.`,
  keepCode: 'Guarde el código: con él y su correo puede consultar, cambiar o cancelar la reserva por aquí.',
  alreadyConfirmed: (code) => `Su reserva ya está confirmada. Código de reserva: ${code}`,

  // Existing bookings
  askCode: 'Dígame su código de reserva, por favor (8 caracteres, p. ej. K7M2Q9XA).',
  askCodeAgain: '¿Cuál es el código de reserva?',
  askLookupEmail: '¿Y el correo electrónico con el que hizo la reserva?',
  notFound: 'No encuentro ninguna reserva con ese código y ese correo. Revise los dos y vuelva a intentarlo, por favor.',
  whichBooking: '¿A qué reserva se refiere?',
  bookingDetails: (code, status, roomsText, stay, n, name, total) => `Reserva ${code} (${status}): ${roomsText}, ${stay}, ${guests(n)}, a nombre de ${name}, total ${total}.`,
  statusConfirmed: 'confirmada',
  statusCancelled: 'cancelada',
  changeOrCancel: '¿Quiere cambiarla o cancelarla?',
  changeIt: 'Cambiarla',
  cancelIt: 'Cancelarla',
  noThanks: 'No, gracias',
  alreadyCancelled: 'Ya está cancelada.',
  reallyCancel: (policy) => `¿Seguro que quiere cancelarla? ${policy}`.trim(),
  yesCancel: 'Sí, cancelarla',
  noKeep: 'No, mantenerla',
  cancelledDone: (code) => `Su reserva ${code} queda cancelada. Esperamos recibirle en otra ocasión.`,
  wasAlreadyCancelled: 'Esa reserva ya estaba cancelada.',
  noLongerFound: 'Ya no encuentro esa reserva.',
  keptAsIs: 'De acuerdo, su reserva se queda como estaba.',
  whatToChange: '¿Qué le gustaría cambiar? También puede escribirlo, p. ej. «2 personas» o «llego un día más tarde».',
  dates: 'Fechas',
  guestsTitle: 'Personas',
  roomType: 'Tipo de habitación',
  nameTitle: 'Nombre',
  askNewDates: '¿Cuáles son las nuevas fechas? (por ejemplo «del 12 al 15 de junio»)',
  askNewGuests: '¿Cuántas personas serán?',
  askNewName: '¿A nombre de quién quiere la reserva?',
  whichRoomInstead: '¿Qué habitación prefiere en su lugar?',
  noOtherRoom: 'Lo siento, para esas fechas no queda libre ningún otro tipo de habitación.',
  datesDoNotWork: 'Esas fechas no son posibles (ya han pasado, o la salida es antes de la llegada).',
  changeTooBig: (room, max) => `En ${room} caben como máximo ${guests(max)}. Elija otro tipo de habitación, o un compañero le ayudará con un cambio mayor.`,
  changeQuote: (summary, total, was) => `Así quedaría: ${summary}: ${total} en total (antes ${was}). ¿Confirmo el cambio?`,
  confirmChange: 'Confirmar el cambio',
  keepBooking: 'Dejar mi reserva como está',
  changed: (code, summary, total) => `¡Hecho! La reserva ${code} queda así: ${summary}, total ${total}.`,
  changeUnavailable: (why) => `Lo siento, no está disponible: ${why}. Su reserva no ha cambiado.`,
  changeFailed: (why) => `No he podido cambiarla: ${why}. Su reserva no ha cambiado.`,
  nothingChanged: 'De acuerdo, no he cambiado nada.',

  // Information
  pricesFor: (stay) => `Precios ${stay}:`,
  priceLine: (room, total, n, soldOut) => `• ${room}: ${total} por ${nights(n)}${soldOut ? ' (sin disponibilidad)' : ''}`,
  ourRooms: 'Nuestras habitaciones:',
  fromPerNight: (room, price, capacity) => `• ${room}: desde ${price} por noche (hasta ${guests(capacity)})`,
  ratesVary: 'Los precios cambian según las fechas: dígame las suyas y le doy el precio exacto.',
  checkAvailabilityQuestion: '¿Quiere que mire la disponibilidad?',
  topics: (topics) => `Puedo informarle sobre: ${topics}. ¿Qué le gustaría saber?`,
  notAHotelService: 'Eso no es algo que pueda reservar u organizar por aquí.',

  // Handoff
  handoffRequested: '¡Por supuesto! Le paso con un compañero del equipo; le contestará por aquí en breve.',
  handoffOther: 'Le paso con un compañero del equipo para que le dé la respuesta correcta; le contestará por aquí en breve.',
  handoffGroup: (n) => `Para un grupo de ${rooms(n)} nuestro equipo prepara la oferta personalmente. Le paso con un compañero; le contestará por aquí en breve.`,
  handoffError: 'Lo siento, ha surgido un problema. Un compañero del equipo se encargará y le contestará por aquí en breve.',
  handoffLookups: 'No consigo encontrar ese código con ese correo. Un compañero del equipo le ayudará con su reserva; le contestará por aquí en breve.',
};
