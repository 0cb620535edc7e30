/** The longest stay the store books (one rule for the store and for the questions the bot asks). */
export const MAX_STAY_NIGHTS = 30;
