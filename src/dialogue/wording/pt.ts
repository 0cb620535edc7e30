/**
 * The bot's own words in Portuguese, as a receptionist writes to a guest in Portugal or Brazil: polite, without
 * pronouns where a sentence can do without them, dates day first ("sáb., 3 de abr. de 2027") through Intl.
 */
import type { Wording } from './en';
import { formatDateFor, formatMoneyFor } from './format';

const date = formatDateFor('pt');
const money = formatMoneyFor('pt');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const guests = (n: number) => count(n, 'pessoa', 'pessoas');
const nights = (n: number) => count(n, 'noite', 'noites');
const rooms = (n: number) => count(n, 'quarto', 'quartos');

export const pt: Wording = {
  lang: 'pt',
  date,
  money,
  guests,
  nights,
  rooms,
  roomsOf: (n, room) => (n > 1 ? `${n} × ${room}` : room),
  stay: (checkin, checkout, n) => `de ${date(checkin)} a ${date(checkout)} (${nights(n)})`,

  // Menu and greetings
  menu: {
    availability: 'Ver disponibilidade',
    book: 'Reservar um quarto',
    status: 'A minha reserva',
    prices: 'Preços',
    human: 'Falar com uma pessoa',
  },
  welcome: (hotel) => `Olá! Sou o concierge virtual do ${hotel}. Posso verificar a disponibilidade, reservar um quarto ou ajudar com uma reserva já feita.`,
  howCanIHelp: 'Em que posso ajudar?',
  anythingElse: 'Posso ajudar em mais alguma coisa?',
  helloAgain: 'Olá de novo!',
  welcomeBack: 'Olá de novo! Estou aqui outra vez para ajudar.',
  welcomeBackDraft: (draft) => `Olá de novo! Estou aqui outra vez. Estávamos a preparar a sua reserva: ${draft}.`,
  welcomeBackManaging: (code) => `Olá de novo! Estou aqui outra vez. Estávamos a ver a reserva ${code}.`,
  carryOn: 'Continuamos de onde ficámos?',
  continueBooking: 'Continuar a reserva',
  startOver: 'Começar de novo',
  youreWelcome: 'De nada! Posso ajudar em mais alguma coisa?',
  youreWelcomeBooked: (code) => `De nada! Será um prazer recebê-lo. O seu código de reserva é ${code}.`,
  goodbye: (hotel) => `Até breve, e obrigado por contactar o ${hotel}!`,
  notUnderstood: 'Desculpe, não tenho a certeza de ter percebido. Pode dizer de outra forma? Posso ajudar com isto:',
  chooseOrType: 'Escolha uma opção ou escreva a sua pergunta.',
  typeYourQuestion: 'Pode escrever a sua pergunta?',
  cannotOpenFiles: 'Obrigado! Não consigo abrir ficheiros por aqui, mas se escrever a sua pergunta ajudo com todo o gosto.',
  fileForPerson: 'Se o ficheiro for importante, peça para falar com uma pessoa e um colega vai analisá-lo.',
  staleOption: 'Esse botão era de uma pergunta anterior. Estamos aqui:',
  pleaseChoose: 'Escolha uma destas opções, por favor:',

  // Booking: dates and party
  askDates: 'Para que datas seria? Indique o dia de chegada e o de partida (ou quantas noites).',
  askNights: (checkin) => `Chegada a ${date(checkin)}. Quantas noites vai ficar, ou em que dia parte?`,
  pastDate: (d) => `${date(d)} já passou. Que datas queria dizer?`,
  pastDates: 'Essas datas já passaram.',
  departureBeforeArrival: (checkin) => `A partida tem de ser depois da chegada. Chegada a ${date(checkin)}: em que dia parte?`,
  tooLong: (max) => `Por aqui consigo reservar estadias até ${max} noites; para estadias mais longas, um colega vai ajudar. Quantas noites deseja (até ${max})?`,
  askGuests: (stay) => `Perfeito, ${stay}. Quantas pessoas vão ficar?`,
  otherDates: 'Indique outras datas e eu verifico de novo.',

  // Booking: rooms and offers
  available: (stay, n) => `Disponível ${stay}, ${guests(n)}:`,
  whichRoom: 'Que quarto prefere?',
  seeRoom: 'Ver o quarto',
  upTo: (n) => `Até ${guests(n)}`,
  priceFor: (total, n) => `${total} no total${n > 1 ? ` por ${rooms(n)}` : ''}`,
  roomHolds: (room, capacity, n, needed) => `Cada ${room} é para ${guests(capacity)} no máximo, por isso para ${guests(n)} são precisos ${rooms(needed)}.`,
  roomTooSmall: (room, capacity, n) => `Cada ${room} é para ${guests(capacity)} no máximo, não para ${n}. Estes quartos servem para o seu grupo:`,
  tooFewOfType: (room, free, wanted) =>
    free ? `Nessas datas só há disponibilidade de ${free} × ${room} (pediu ${wanted}).` : `Lamento, não há disponibilidade de ${room} nessas datas.`,
  mixOffer: (lines, total) => `Posso oferecer ${lines}: ${total} no total.`,
  mixTitle: 'Reservar esta combinação',
  fullyBooked: (stay) => `Lamento, não temos quartos para o seu grupo ${stay}. Outras datas seriam possíveis?`,
  lastRoomTaken: 'Lamento, o último quarto desse tipo acabou de ser reservado.',
  couldNotBook: (why) => `Não consegui fazer a reserva: ${why}.`,
  roomAvailable: (room, total, stay) => `Ótimo, temos ${room} disponível ${stay}: ${total} no total.`,

  // Booking: details, summary, confirmation
  whoFor: 'Em nome de quem fica a reserva?',
  fullName: 'Nome completo',
  email: 'E-mail',
  namePlaceholder: 'p. ex. o seu nome e apelido',
  emailPlaceholder: 'p. ex. nome@exemplo.com',
  continue: 'Continuar',
  askName: 'Em nome de quem fica a reserva?',
  askEmail: 'E o seu e-mail, para enviarmos a confirmação?',
  notAnEmail: (e) => `"${e}" não parece um endereço de e-mail.`,
  checkBooking: 'Confira a sua reserva, por favor:',
  payAtHotel: (total) => `Total: ${total} (pagamento no hotel)`,
  cancellation: (policy) => `Cancelamento: ${policy}`,
  confirmQuestion: 'Posso confirmar?',
  confirmBooking: 'Confirmar a reserva',
  changeSomething: 'Alterar algo',
  cancel: 'Cancelar',
  notBooked: 'Combinado, não reservei nada.',
  letUsChange: 'Sem problema: diga o que quer alterar (datas, pessoas, quarto) ou escolha um quarto aqui em baixo.',
  confirmed: 'A sua reserva está confirmada!',
  confirmationCode: (code) => `Código da reserva: ${code}`,
  confirmedTotal: (total, checkin, checkout) => `Total ${total}, a pagar no hotel. Check-in a partir das ${checkin}, check-out até às ${checkout}.`,
  keepCode: 'Guarde o código: com ele e o seu e-mail pode consultar, alterar ou cancelar a reserva por aqui.',
  alreadyConfirmed: (code) => `A sua reserva já está confirmada. Código da reserva: ${code}`,

  // Existing bookings
  askCode: 'Indique o seu código de reserva, por favor (8 caracteres, p. ex. K7M2Q9XA).',
  askCodeAgain: 'Qual é o código da reserva?',
  askLookupEmail: 'E o e-mail com que fez a reserva?',
  notFound: 'Não encontro nenhuma reserva com esse código e esse e-mail. Verifique os dois e tente de novo, por favor.',
  whichBooking: 'De que reserva se trata?',
  bookingDetails: (code, status, roomsText, stay, n, name, total) => `Reserva ${code} (${status}): ${roomsText}, ${stay}, ${guests(n)}, em nome de ${name}, total ${total}.`,
  statusConfirmed: 'confirmada',
  statusCancelled: 'cancelada',
  changeOrCancel: 'Quer alterá-la ou cancelá-la?',
  changeIt: 'Alterar',
  cancelIt: 'Cancelar a reserva',
  noThanks: 'Não, obrigado',
  alreadyCancelled: 'Já está cancelada.',
  reallyCancel: (policy) => `Tem a certeza de que quer cancelar? ${policy}`.trim(),
  yesCancel: 'Sim, cancelar',
  noKeep: 'Não, manter',
  cancelledDone: (code) => `A sua reserva ${code} foi cancelada. Esperamos recebê-lo noutra ocasião.`,
  wasAlreadyCancelled: 'Essa reserva já estava cancelada.',
  noLongerFound: 'Já não encontro essa reserva.',
  keptAsIs: 'Combinado, a sua reserva fica como estava.',
  whatToChange: 'O que gostaria de alterar? Também pode escrever, p. ex. "2 pessoas" ou "chego um dia depois".',
  dates: 'Datas',
  guestsTitle: 'Pessoas',
  roomType: 'Tipo de quarto',
  nameTitle: 'Nome',
  askNewDates: 'Quais são as novas datas? (por exemplo "de 12 a 15 de junho")',
  askNewGuests: 'Quantas pessoas vão ser?',
  askNewName: 'Em nome de quem deve ficar a reserva?',
  whichRoomInstead: 'Que quarto prefere em vez deste?',
  noOtherRoom: 'Lamento, nessas datas não há nenhum outro tipo de quarto disponível.',
  datesDoNotWork: 'Essas datas não são possíveis (já passaram, ou a partida é antes da chegada).',
  changeTooBig: (room, max) => `${room} leva no máximo ${guests(max)}. Escolha outro tipo de quarto, ou um colega ajuda com uma alteração maior.`,
  changeQuote: (summary, total, was) => `A reserva ficaria assim: ${summary}: ${total} no total (antes ${was}). Confirmo a alteração?`,
  confirmChange: 'Confirmar a alteração',
  keepBooking: 'Manter a minha reserva',
  changed: (code, summary, total) => `Feito! A reserva ${code} fica assim: ${summary}, total ${total}.`,
  changeUnavailable: (why) => `Lamento, não está disponível: ${why}. A sua reserva não foi alterada.`,
  changeFailed: (why) => `Não consegui alterá-la: ${why}. A sua reserva não foi alterada.`,
  nothingChanged: 'Combinado, não alterei nada.',

  // Information
  pricesFor: (stay) => `Preços ${stay}:`,
  priceLine: (room, total, n, soldOut) => `• ${room}: ${total} por ${nights(n)}${soldOut ? ' (esgotado)' : ''}`,
  ourRooms: 'Os nossos quartos:',
  fromPerNight: (room, price, capacity) => `• ${room}: a partir de ${price} por noite (até ${guests(capacity)})`,
  ratesVary: 'Os preços variam conforme as datas: diga-me as suas e dou o preço exato.',
  checkAvailabilityQuestion: 'Quer que veja a disponibilidade?',
  topics: (topics) => `Posso informar sobre: ${topics}. O que gostaria de saber?`,
  notAHotelService: 'Isso não é algo que eu consiga reservar ou tratar por aqui.',

  // Handoff
  handoffRequested: 'Claro! Vou passar a conversa a um colega da equipa; vai responder aqui dentro de pouco tempo.',
  handoffOther: 'Vou passar a conversa a um colega da equipa para ter a resposta certa; vai responder aqui dentro de pouco tempo.',
  handoffGroup: (n) => `Para um grupo de ${rooms(n)} a nossa equipa prepara a proposta pessoalmente. Vou passar a conversa a um colega; vai responder aqui dentro de pouco tempo.`,
  handoffError: 'Desculpe, surgiu um problema. Um colega da equipa vai continuar e responder aqui dentro de pouco tempo.',
  handoffLookups: 'Não consegui encontrar esse código com esse e-mail. Um colega da equipa vai ajudar com a sua reserva; vai responder aqui dentro de pouco tempo.',
};
