/**
 * The bot's own words in French, as a receptionist writes to a guest: "vous", courteous and brief, dates day first
 * ("sam. 3 avr. 2027") and amounts the French way ("1 180 €"), both through Intl.
 */
import type { Wording } from './en';
import { formatDateFor, formatMoneyFor } from './format';

const date = formatDateFor('fr');
const money = formatMoneyFor('fr');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const guests = (n: number) => count(n, 'personne', 'personnes');
const nights = (n: number) => count(n, 'nuit', 'nuits');
const rooms = (n: number) => count(n, 'chambre', 'chambres');

export const fr: Wording = {
  lang: 'fr',
  date,
  money,
  guests,
  nights,
  rooms,
  roomsOf: (n, room) => (n > 1 ? `${n} × ${room}` : room),
  stay: (checkin, checkout, n) => `du ${date(checkin)} au ${date(checkout)} (${nights(n)})`,

  // Menu and greetings
  menu: {
    availability: 'Voir les disponibilités',
    book: 'Réserver une chambre',
    status: 'Ma réservation',
    prices: 'Tarifs',
    human: 'Parler à quelqu’un',
  },
  welcome: (hotel) => `Bonjour ! Je suis le concierge virtuel de ${hotel}. Je peux vérifier les disponibilités, réserver une chambre ou vous aider pour une réservation existante.`,
  howCanIHelp: 'Que puis-je faire pour vous ?',
  anythingElse: 'Puis-je faire autre chose pour vous ?',
  helloAgain: 'Re-bonjour !',
  welcomeBack: 'Me revoilà ! Je reprends volontiers la suite avec vous.',
  welcomeBackDraft: (draft) => `Me revoilà ! Nous étions en train de préparer votre réservation : ${draft}.`,
  welcomeBackManaging: (code) => `Me revoilà ! Nous regardions la réservation ${code}.`,
  carryOn: 'On reprend là où nous en étions ?',
  continueBooking: 'Continuer la réservation',
  startOver: 'Tout recommencer',
  youreWelcome: 'Je vous en prie ! Puis-je faire autre chose pour vous ?',
  youreWelcomeBooked: (code) => `Je vous en prie ! Au plaisir de vous accueillir. Votre code de réservation est ${code}.`,
  goodbye: (hotel) => `Au revoir, et merci d’avoir contacté ${hotel} !`,
  notUnderstood: 'Pardon, je ne suis pas sûr d’avoir bien compris. Pourriez-vous le formuler autrement ? Je peux vous aider pour ceci :',
  chooseOrType: 'Choisissez une option ou écrivez votre question.',
  typeYourQuestion: 'Pourriez-vous écrire votre question ?',
  cannotOpenFiles: 'Merci ! Je ne peux pas ouvrir de fichiers ici, mais si vous écrivez votre question, je vous aide volontiers.',
  fileForPerson: 'Si le fichier est important, demandez à parler à quelqu’un : un collègue le regardera.',
  staleOption: 'Ce bouton appartient à une question précédente. Voici où nous en sommes :',
  pleaseChoose: 'Merci de choisir parmi ces options :',

  // Booking: dates and party
  askDates: 'Pour quelles dates ? Indiquez-moi la date d’arrivée et celle de départ (ou le nombre de nuits).',
  askNights: (checkin) => `Arrivée le ${date(checkin)}. Combien de nuits resterez-vous, ou quelle est votre date de départ ?`,
  pastDate: (d) => `Le ${date(d)} est déjà passé. Quelles dates vouliez-vous dire ?`,
  pastDates: 'Ces dates sont déjà passées.',
  departureBeforeArrival: (checkin) => `Le départ doit être après l’arrivée. Arrivée le ${date(checkin)} : quand partirez-vous ?`,
  tooLong: (max) => `Ici, je peux réserver des séjours jusqu’à ${max} nuits ; pour un séjour plus long, un collègue vous aidera. Combien de nuits souhaitez-vous (jusqu’à ${max}) ?`,
  askGuests: (stay) => `Très bien, ${stay}. Pour combien de personnes ?`,
  otherDates: 'Donnez-moi d’autres dates et je vérifie à nouveau.',

  // Booking: rooms and offers
  available: (stay, n) => `Disponible ${stay}, ${guests(n)} :`,
  whichRoom: 'Quelle chambre souhaitez-vous ?',
  seeRoom: 'Voir la chambre',
  upTo: (n) => `Jusqu’à ${guests(n)}`,
  priceFor: (total, n) => `${total} au total${n > 1 ? ` pour ${rooms(n)}` : ''}`,
  roomHolds: (room, capacity, n, needed) => `${room} : ${guests(capacity)} maximum par chambre, il vous faut donc ${rooms(needed)} pour ${guests(n)}.`,
  roomTooSmall: (room, capacity, n) => `${room} : ${guests(capacity)} maximum par chambre, pas ${n}. Ces chambres conviennent à votre groupe :`,
  tooFewOfType: (room, free, wanted) =>
    free ? `À ces dates, il ne reste que ${free} × ${room} (vous en demandiez ${wanted}).` : `${room} : complet à ces dates, désolé.`,
  mixOffer: (lines, total) => `Je peux vous proposer ${lines} : ${total} au total.`,
  mixTitle: 'Réserver cette combinaison',
  fullyBooked: (stay) => `Je suis désolé, nous n’avons plus de chambres pour votre groupe ${stay}. D’autres dates vous conviendraient-elles ?`,
  lastRoomTaken: 'Désolé, la dernière chambre de ce type vient d’être réservée.',
  couldNotBook: (why) => `Je n’ai pas pu réserver : ${why}.`,
  roomAvailable: (room, total, stay) => `Parfait, ${room} est disponible ${stay} : ${total} au total.`,

  // Booking: details, summary, confirmation
  whoFor: 'À quel nom dois-je faire la réservation ?',
  fullName: 'Nom complet',
  email: 'E-mail',
  namePlaceholder: 'p. ex. votre prénom et votre nom',
  emailPlaceholder: 'p. ex. nom@exemple.fr',
  continue: 'Continuer',
  askName: 'À quel nom dois-je faire la réservation ?',
  askEmail: 'Et votre adresse e-mail, pour la confirmation ?',
  notAnEmail: (e) => `« ${e} » ne ressemble pas à une adresse e-mail.`,
  checkBooking: 'Merci de vérifier votre réservation :',
  payAtHotel: (total) => `Total : ${total} (à régler à l’hôtel)`,
  cancellation: (policy) => `Annulation : ${policy}`,
  confirmQuestion: 'Je la confirme ?',
  confirmBooking: 'Confirmer la réservation',
  changeSomething: 'Modifier quelque chose',
  cancel: 'Annuler',
  notBooked: 'Entendu, je n’ai rien réservé.',
  letUsChange: 'Aucun problème : dites-moi ce qu’il faut changer (dates, personnes, chambre), ou choisissez une chambre ci-dessous.',
  confirmed: 'Votre réservation est confirmée !',
  confirmationCode: (code) => `Code de réservation : ${code}`,
  confirmedTotal: (total, checkin, checkout) => `Total ${total}, à régler à l’hôtel. Arrivée à partir de ${checkin}, départ avant ${checkout}.`,
  keepCode: 'Gardez bien ce code : avec lui et votre e-mail, vous pouvez consulter, modifier ou annuler la réservation ici.',
  alreadyConfirmed: (code) => `Votre réservation est déjà confirmée. Code de réservation : ${code}`,

  // Existing bookings
  askCode: 'Pouvez-vous m’indiquer votre code de réservation (8 caractères, p. ex. K7M2Q9XA) ?',
  askCodeAgain: 'Quel est le code de réservation ?',
  askLookupEmail: 'Et l’adresse e-mail utilisée pour la réservation ?',
  notFound: 'Je ne trouve aucune réservation avec ce code et cet e-mail. Merci de vérifier les deux et de réessayer.',
  whichBooking: 'De quelle réservation s’agit-il ?',
  bookingDetails: (code, status, roomsText, stay, n, name, total) => `Réservation ${code} (${status}) : ${roomsText}, ${stay}, ${guests(n)}, au nom de ${name}, total ${total}.`,
  statusConfirmed: 'confirmée',
  statusCancelled: 'annulée',
  changeOrCancel: 'Souhaitez-vous la modifier ou l’annuler ?',
  changeIt: 'La modifier',
  cancelIt: 'L’annuler',
  noThanks: 'Non, merci',
  alreadyCancelled: 'Elle est déjà annulée.',
  reallyCancel: (policy) => `Voulez-vous vraiment l’annuler ? ${policy}`.trim(),
  yesCancel: 'Oui, l’annuler',
  noKeep: 'Non, la garder',
  cancelledDone: (code) => `Votre réservation ${code} est annulée. Nous espérons vous accueillir une prochaine fois.`,
  wasAlreadyCancelled: 'Cette réservation était déjà annulée.',
  noLongerFound: 'Je ne retrouve plus cette réservation.',
  keptAsIs: 'Entendu, votre réservation reste telle quelle.',
  whatToChange: 'Que souhaitez-vous modifier ? Vous pouvez aussi l’écrire, p. ex. « 2 personnes » ou « arriver un jour plus tard ».',
  dates: 'Dates',
  guestsTitle: 'Personnes',
  roomType: 'Type de chambre',
  nameTitle: 'Nom',
  askNewDates: 'Quelles sont les nouvelles dates ? (par exemple « du 12 au 15 juin »)',
  askNewGuests: 'Combien de personnes serez-vous ?',
  askNewName: 'À quel nom doit être la réservation ?',
  whichRoomInstead: 'Quelle chambre souhaitez-vous à la place ?',
  noOtherRoom: 'Désolé, aucun autre type de chambre n’est libre à ces dates.',
  datesDoNotWork: 'Ces dates ne sont pas possibles (elles sont passées, ou le départ est avant l’arrivée).',
  changeTooBig: (room, max) => `${room} accueille au maximum ${guests(max)}. Choisissez un autre type de chambre, ou un collègue vous aidera pour un changement plus important.`,
  changeQuote: (summary, total, was) => `Nouvelle réservation : ${summary} : ${total} au total (au lieu de ${was}). Je confirme la modification ?`,
  confirmChange: 'Confirmer la modification',
  keepBooking: 'Garder ma réservation',
  changed: (code, summary, total) => `C’est fait ! La réservation ${code} est maintenant : ${summary}, total ${total}.`,
  changeUnavailable: (why) => `Désolé, ce n’est pas disponible : ${why}. Votre réservation n’a pas changé.`,
  changeFailed: (why) => `Je n’ai pas pu la modifier : ${why}. Votre réservation n’a pas changé.`,
  nothingChanged: 'Entendu, je n’ai rien modifié.',

  // Information
  pricesFor: (stay) => `Tarifs ${stay} :`,
  priceLine: (room, total, n, soldOut) => `• ${room} : ${total} pour ${nights(n)}${soldOut ? ' (complet)' : ''}`,
  ourRooms: 'Nos chambres :',
  fromPerNight: (room, price, capacity) => `• ${room} : à partir de ${price} la nuit (jusqu’à ${guests(capacity)})`,
  ratesVary: 'Les tarifs varient selon les dates : donnez-moi les vôtres pour un prix exact.',
  checkAvailabilityQuestion: 'Voulez-vous que je vérifie les disponibilités ?',
  topics: (topics) => `Je peux vous renseigner sur : ${topics}. Que souhaitez-vous savoir ?`,
  notAHotelService: 'Ce n’est pas quelque chose que je peux réserver ou organiser ici.',

  // Handoff
  handoffRequested: 'Bien sûr ! Je vous mets en relation avec un membre de notre équipe, qui vous répondra ici très vite.',
  handoffOther: 'Je vous mets en relation avec un membre de notre équipe pour avoir la bonne réponse ; il vous répondra ici très vite.',
  handoffGroup: (n) => `Pour un groupe de ${rooms(n)}, notre équipe prépare l’offre elle-même. Je vous mets en relation avec un collègue, qui vous répondra ici très vite.`,
  handoffError: 'Désolé, j’ai rencontré un problème. Un membre de notre équipe prend le relais et vous répondra ici très vite.',
  handoffLookups: 'Je n’ai pas pu associer ce code à cet e-mail. Un membre de notre équipe va vous aider pour votre réservation et vous répondra ici très vite.',
};
