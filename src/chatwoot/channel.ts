/** Chatwoot's channel class names → the channel kinds whose rendering rules differ. */
import type { Channel } from '../dialogue/port';

const CHANNELS: Record<string, Channel> = {
  'Channel::WebWidget': 'web_widget',
  'Channel::Whatsapp': 'whatsapp',
  'Channel::FacebookPage': 'facebook',
  'Channel::Telegram': 'telegram',
  'Channel::Line': 'line',
  'Channel::Instagram': 'instagram',
  'Channel::Email': 'email',
  'Channel::Api': 'api',
  'Channel::Sms': 'sms',
  'Channel::TwilioSms': 'sms',
};

export function channelFromChatwoot(channel: string | undefined): Channel {
  return (channel && CHANNELS[channel]) || 'other';
}

/** Where Chatwoot turns `input_select` into something the guest can tap (CONTRACT §5.2). */
export const RENDERS_INPUT_SELECT: ReadonlySet<Channel> = new Set(['web_widget', 'whatsapp', 'facebook', 'telegram', 'line']);
/** Cards, forms and articles are rendered only by the web widget. */
export const RENDERS_RICH: ReadonlySet<Channel> = new Set(['web_widget']);

/**
 * WhatsApp's own limits on interactive messages (Cloud API): up to 3 reply buttons with 20-character titles, or a
 * list of up to 10 rows with 24-character titles and 72-character descriptions. Chatwoot does not check them: a
 * send that breaks one fails later (CONTRACT §9).
 */
export const WHATSAPP_LIMITS = { buttons: 3, buttonTitle: 20, listRows: 10, rowTitle: 24, rowDescription: 72 } as const;
