import { defineMessages } from '../define.js';

/**
 * The live chat's engine: queue, assignment, sockets (src/contact/chat).
 * `chat.system.*` are the bodies of system messages (stored as keys, rendered per reader; `{agent}`
 * is the agent the message is about). `chat.error.*` name every ChatError code and socket refusal.
 */
export const contactChatMessages = defineMessages(
  {
    'chat.system.started': 'De chat met {agent} is begonnen.',
    'chat.system.transferred_to_agent': 'De chat is doorgegeven aan {agent}.',
    'chat.system.transferred_to_topic':
      'De chat is doorgegeven. U wacht opnieuw, op uw oorspronkelijke plaats.',
    'chat.system.ended_by_visitor': 'U hebt de chat beëindigd.',
    'chat.system.ended_by_agent': '{agent} heeft de chat beëindigd.',
    'chat.system.left': 'U hebt de wachtrij verlaten.',
    'chat.system.abandoned': 'U was te lang weg en hebt de wachtrij verlaten.',
    'chat.error.unknown_topic': 'Dit onderwerp bestaat niet (meer).',
    'chat.error.closed': 'De chat is nu gesloten. Stuur ons een e-mail of kom terug tijdens de openingsuren.',
    'chat.error.not_found': 'Deze chat bestaat niet of is niet van u.',
    'chat.error.not_open': 'Deze chat is niet (meer) open.',
    'chat.error.empty': 'Typ een bericht.',
    'chat.error.too_long': 'Uw bericht is te lang: ten hoogste 2000 tekens.',
    'chat.error.not_yours': 'Deze chat is aan een collega toegewezen.',
    'chat.error.over_capacity': 'Er is geen plaats vrij voor nog een chat.',
    'chat.error.unknown_agent': 'Deze medewerker bestaat niet of is niet online.',
    'chat.error.bad_frame': 'Dit bericht kon niet gelezen worden. Probeer het opnieuw.',
    'chat.error.too_fast': 'U stuurt te veel berichten na elkaar. Wacht even.',
    'chat.error.internal': 'Er ging iets mis. Probeer het opnieuw.',
  },
  {
    'chat.system.started': 'The chat with {agent} has started.',
    'chat.system.transferred_to_agent': 'The chat has been handed over to {agent}.',
    'chat.system.transferred_to_topic':
      'The chat has been handed over. You are waiting again, in your original place.',
    'chat.system.ended_by_visitor': 'You ended the chat.',
    'chat.system.ended_by_agent': '{agent} ended the chat.',
    'chat.system.left': 'You left the queue.',
    'chat.system.abandoned': 'You were away too long and left the queue.',
    'chat.error.unknown_topic': 'This topic does not exist (any more).',
    'chat.error.closed': 'The chat is closed now. Send us an e-mail or come back during opening hours.',
    'chat.error.not_found': 'This chat does not exist or is not yours.',
    'chat.error.not_open': 'This chat is not open (any more).',
    'chat.error.empty': 'Type a message.',
    'chat.error.too_long': 'Your message is too long: at most 2000 characters.',
    'chat.error.not_yours': 'This chat is assigned to a colleague.',
    'chat.error.over_capacity': 'There is no free slot for another chat.',
    'chat.error.unknown_agent': 'This agent does not exist or is not online.',
    'chat.error.bad_frame': 'This message could not be read. Please try again.',
    'chat.error.too_fast': 'You are sending too many messages in a row. Please wait a moment.',
    'chat.error.internal': 'Something went wrong. Please try again.',
  },
);
