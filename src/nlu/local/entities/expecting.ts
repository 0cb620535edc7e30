/**
 * The parameter a bot question asks for ("When would you like to check out?" → checkout), so that an answer such
 * as "the 6th" or "3" can be read the right way. For callers that only have the bot's last message as text.
 */
const RULES: Array<[RegExp, string]> = [
  [/confirmation code|booking code|reference/i, 'confirmation_code'],
  [/e-?mail/i, 'email'],
  [/\byour name\b|name (?:should|for) the (?:booking|reservation)|who is the booking for/i, 'name'],
  [/check[\s-]?out|\bleave\b|\bleaving\b|depart|until what|till what|until when|end date/i, 'checkout'],
  [/how many (?:nights|days)|how long|number of (?:nights|days)/i, 'nights'],
  [/how many (?:rooms)|number of rooms/i, 'rooms'],
  [/how many (?:people|guests|adults|persons|of you)|number of (?:guests|people|adults)|who(?:'s| is) (?:coming|travelling|traveling)/i, 'guests'],
  [/check[\s-]?in|arriv|when (?:would|will|do) you (?:like to )?(?:come|stay)|which date|what date|start date/i, 'checkin'],
  [/room type|which room|what (?:kind|type) of room/i, 'room_type'],
];

export function expectingFromQuestion(question: string | undefined): string | undefined {
  if (!question) return undefined;
  // The last question in the message is the one being answered.
  const sentences = question.split(/(?<=[?.!])\s+/).filter((s) => s.includes('?'));
  const candidates = sentences.length ? [...sentences].reverse() : [question];
  for (const sentence of candidates) {
    for (const [pattern, name] of RULES) if (pattern.test(sentence)) return name;
  }
  return undefined;
}
