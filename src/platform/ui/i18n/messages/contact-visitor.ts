import { defineMessages } from '../define.js';

/** The visitor's side of the contact channel: contact page, chat pages (src/contact/visitor). */
export const contactVisitorMessages = defineMessages(
  {
    'visitor.footer.chat': 'Chat met ons',

    'visitor.contact.title': 'Contact met 1700',
    'visitor.contact.lead':
      '1700 is de informatiedienst van de overheid voor al uw vragen. Stuur ons een e-mail of chat met een medewerker.',
    'visitor.contact.email_heading': 'Stuur een e-mail naar 1700',
    'visitor.contact.email_text':
      'Stel uw vraag via het e-mailformulier. U ontvangt een kopie van uw bericht. We antwoorden binnen 2 werkdagen.',
    'visitor.contact.email_button': 'Stuur een e-mail',
    'visitor.contact.chat_heading': 'Chat met ons',
    'visitor.contact.chat_text':
      'Uw chat start automatisch zodra een medewerker beschikbaar is. Tot dan ziet u uw plaats in de wachtrij en een geschatte wachttijd.',
    'visitor.contact.chat_button': 'Start een chat',
    'visitor.contact.topics_caption': 'De chat per onderwerp: open of gesloten, en de wachttijd nu',
    'visitor.contact.col_topic': 'Onderwerp',
    'visitor.contact.col_hours': 'Nu open?',
    'visitor.contact.col_wait': 'Wachttijd',
    'visitor.contact.no_topics': 'Er zijn nu geen onderwerpen om over te chatten. Stuur ons een e-mail.',

    'visitor.hours.open_until': 'Nu open, tot {time} (Belgische tijd).',
    'visitor.hours.open': 'Nu open.',
    'visitor.hours.closed_next': 'Gesloten. Opent weer op {when} (Belgische tijd).',
    'visitor.hours.closed_unknown': 'Gesloten. Er is nog geen nieuw openingsuur gepland.',
    'visitor.hours.closed_email': 'Stuur ons intussen een e-mail.',
    'visitor.wait.waiting': 'In de wachtrij: {count}.',
    'visitor.wait.closed': 'Geen chat: gesloten.',

    'visitor.start.title': 'Chat met ons',
    'visitor.start.lead':
      'Uw chat start automatisch zodra een medewerker beschikbaar is. Kies een onderwerp: we tonen uw plaats in de wachtrij en een eerlijke schatting van de wachttijd.',
    'visitor.start.topic_legend': 'Waarover gaat uw vraag?',
    'visitor.start.name_label': 'Uw naam',
    'visitor.start.name_hint': 'Zo kan de medewerker u aanspreken. U mag dit leeg laten.',
    'visitor.start.submit': 'Start de chat',
    'visitor.start.privacy_heading': 'Uw privacy',
    'visitor.start.privacy':
      'We bewaren uw IP-adres niet. Voor deze chat zetten we een cookie die verdwijnt als u de browser sluit. Een tweede cookie, {days} dagen geldig, laat een medewerker uw eerdere gesprekken met 1700 zien, zodat u niet alles opnieuw hoeft te vertellen. Chatgesprekken worden na {days} dagen automatisch verwijderd.',
    'visitor.start.email_alternative': 'Liever geen chat?',
    'visitor.start.email_link': 'Stuur ons een e-mail',
    'visitor.start.error_topic_required': 'Kies een onderwerp.',
    'visitor.start.error_topic_unknown':
      'Dit onderwerp bestaat niet (meer). Kies een onderwerp uit de lijst.',
    'visitor.start.error_name_too_long': 'Geef een naam van ten hoogste 200 tekens.',
    'visitor.start.error_name_invalid': 'Uw naam bevat tekens die we niet kunnen bewaren.',
    'visitor.start.too_many':
      'U hebt in korte tijd te veel chats gestart. Probeer het over {minutes} minuten opnieuw, of stuur ons een e-mail.',

    'visitor.notice.title': 'Let op',
    'visitor.notice.not_found':
      'We vinden uw chat niet meer: misschien is hij afgelopen of verlopen. U kunt een nieuwe chat starten.',
    'visitor.notice.left': 'U hebt de wachtrij verlaten.',
    'visitor.notice.abandoned':
      'U was te lang weg en hebt uw plaats in de wachtrij verloren. U kunt een nieuwe chat starten.',

    'visitor.closed.title': 'De chat is nu gesloten',
    'visitor.closed.text': 'De chat over “{topic}” is nu gesloten.',
    'visitor.closed.email':
      'Stuur ons een e-mail: u ontvangt een kopie van uw bericht en we antwoorden binnen 2 werkdagen.',

    'visitor.admission.title': 'Het kan even duren',
    'visitor.admission.wait': 'De wachttijd is nu ongeveer {low} tot {high} minuten.',
    'visitor.admission.none':
      'Er is nu geen medewerker online, dus we weten niet hoe lang u zou moeten wachten.',
    'visitor.admission.offer':
      'Liever niet wachten? Stuur ons een e-mail: u ontvangt meteen een kopie van uw bericht en we antwoorden binnen 2 werkdagen.',
    'visitor.admission.email_button': 'Stuur liever een e-mail',
    'visitor.admission.join_button': 'Toch aansluiten in de wachtrij',
    'visitor.admission.join_hint': 'U blijft in de wachtrij zolang de chatpagina open is.',

    'visitor.chat.title': 'Chat met 1700',
    'visitor.chat.caption': 'Onderwerp: {topic}',
    'visitor.chat.status_heading': 'Uw chat',
    'visitor.status.queued': 'U bent nummer {position} in de wachtrij.',
    'visitor.status.active': '{name} is erbij — uw chat is begonnen.',
    'visitor.status.active_anonymous': 'Een medewerker is erbij — uw chat is begonnen.',
    'visitor.status.ended': 'De chat is afgelopen.',
    'visitor.status.left': 'U hebt de wachtrij verlaten.',
    'visitor.chat.keep_open':
      'Houd deze pagina open: zo blijft u in de wachtrij. U kunt uw vraag al typen en versturen; de medewerker leest ze zodra de chat begint.',
    'visitor.chat.refresh_on':
      'Deze pagina ververst zich elke 15 seconden. Typt u een lang bericht, zet het automatisch verversen dan even uit.',
    'visitor.chat.refresh_off_link': 'Automatisch verversen uitzetten',
    'visitor.chat.refresh_off':
      'Automatisch verversen staat uit. Ververs de pagina minstens elke 2 minuten, anders verliest u uw plaats in de wachtrij.',
    'visitor.chat.refresh_now': 'Nu verversen',
    'visitor.chat.refresh_on_link': 'Automatisch verversen weer aanzetten',
    'visitor.chat.thread_label': 'Berichten',
    'visitor.chat.thread_empty': 'Nog geen berichten.',
    'visitor.chat.author_you': 'U',
    'visitor.chat.author_agent': 'Medewerker',
    'visitor.chat.author_system': '1700',
    'visitor.chat.message_label': 'Uw bericht',
    'visitor.chat.message_hint': 'Ten hoogste 2.000 tekens.',
    'visitor.chat.send': 'Versturen',
    'visitor.chat.email_offer_heading': 'Liever niet wachten?',
    'visitor.chat.email_offer':
      'Verlaat de wachtrij en stuur ons een e-mail. Wat u al typte, ook in het berichtvak, nemen we mee naar het e-mailformulier.',
    'visitor.chat.leave_for_email': 'Verlaat de wachtrij en stuur een e-mail',
    'visitor.chat.leave': 'Verlaat de wachtrij',
    'visitor.chat.end': 'Beëindig de chat',
    'visitor.chat.connection_connecting': 'Verbinden…',
    'visitor.chat.connection_open': 'Verbonden: deze pagina werkt zichzelf bij.',
    'visitor.chat.connection_lost':
      'De verbinding is weg. We proberen opnieuw te verbinden; wat u typte blijft staan.',
    'visitor.chat.connection_retry': 'Nu opnieuw verbinden',
    'visitor.chat.ended_continue': 'Vraag een verslag aan of geef uw mening',

    'visitor.message.error_empty': 'Typ een bericht.',
    'visitor.message.error_too_long': 'Uw bericht is te lang: ten hoogste 2.000 tekens.',
    'visitor.message.error_invalid': 'Uw bericht bevat tekens die we niet kunnen versturen.',
    'visitor.message.error_not_open': 'De chat is afgelopen: uw bericht is niet verstuurd.',
    'visitor.message.too_many':
      'U stuurt te veel berichten kort na elkaar. Wacht even en probeer het opnieuw.',

    'visitor.ended.title': 'De chat is afgelopen',
    'visitor.ended.lead': 'Bedankt voor uw gesprek met 1700.',
    'visitor.ended.new_chat': 'Start een nieuwe chat',
    'visitor.transcript.heading': 'Verslag per e-mail',
    'visitor.transcript.text':
      'Wilt u het gesprek nalezen? We sturen u één keer een verslag. We bewaren uw e-mailadres niet bij het gesprek.',
    'visitor.transcript.email_label': 'Uw e-mailadres',
    'visitor.transcript.submit': 'Stuur het verslag',
    'visitor.transcript.error_email': 'Geef een geldig e-mailadres, bijvoorbeeld naam@voorbeeld.be.',
    'visitor.transcript.sent': 'Het verslag van dit gesprek is verstuurd.',
    'visitor.transcript.already': 'We hebben het verslag van dit gesprek al verstuurd.',
    'visitor.transcript.mail_subject': 'Verslag van uw chat met 1700 op {date}',
    'visitor.transcript.mail_intro': 'Hier is het verslag van uw chat met 1700 over “{topic}” op {date}.',
    'visitor.transcript.mail_footer':
      'Dit bericht is automatisch verstuurd; een antwoord erop lezen we niet. Hebt u nog een vraag? Start een nieuwe chat of stuur een e-mail via {url}.',

    'visitor.rating.legend': 'Hoe tevreden bent u over dit gesprek?',
    'visitor.rating.1': 'Zeer ontevreden',
    'visitor.rating.2': 'Ontevreden',
    'visitor.rating.3': 'Neutraal',
    'visitor.rating.4': 'Tevreden',
    'visitor.rating.5': 'Zeer tevreden',
    'visitor.rating.comment_label': 'Wilt u nog iets kwijt?',
    'visitor.rating.comment_hint': 'Uw opmerking helpt ons beter te worden. Vermeld geen persoonsgegevens.',
    'visitor.rating.submit': 'Verstuur uw mening',
    'visitor.rating.error_required': 'Kies hoe tevreden u bent.',
    'visitor.rating.error_comment_too_long': 'Uw opmerking is te lang: ten hoogste 2.000 tekens.',
    'visitor.rating.error_comment_invalid': 'Uw opmerking bevat tekens die we niet kunnen bewaren.',
    'visitor.rating.thanks': 'Bedankt voor uw mening.',
    'visitor.rating.done': 'U gaf dit gesprek al een beoordeling. Bedankt.',

    'visitor.email.notice_left':
      'U hebt de wachtrij verlaten. Wat u typte, staat hieronder in het formulier: vul uw e-mailadres aan en verstuur het.',
    'visitor.email.notice_offer':
      'Vul het formulier aan en verstuur het: u ontvangt een kopie van uw bericht.',
  },
  {
    'visitor.footer.chat': 'Chat with us',

    'visitor.contact.title': 'Contact 1700',
    'visitor.contact.lead':
      '1700 is the government’s information service for all your questions. Send us an e-mail or chat with an agent.',
    'visitor.contact.email_heading': 'Send an e-mail to 1700',
    'visitor.contact.email_text':
      'Ask your question with the e-mail form. You receive a copy of your message. We answer within 2 working days.',
    'visitor.contact.email_button': 'Send an e-mail',
    'visitor.contact.chat_heading': 'Chat with us',
    'visitor.contact.chat_text':
      'Your chat starts automatically as soon as an agent is available. Until then you see your place in the queue and an estimated wait.',
    'visitor.contact.chat_button': 'Start a chat',
    'visitor.contact.topics_caption': 'The chat per topic: open or closed, and the wait right now',
    'visitor.contact.col_topic': 'Topic',
    'visitor.contact.col_hours': 'Open now?',
    'visitor.contact.col_wait': 'Wait',
    'visitor.contact.no_topics': 'There are no chat topics right now. Send us an e-mail.',

    'visitor.hours.open_until': 'Open now, until {time} (Belgian time).',
    'visitor.hours.open': 'Open now.',
    'visitor.hours.closed_next': 'Closed. Opens again on {when} (Belgian time).',
    'visitor.hours.closed_unknown': 'Closed. No opening time has been planned yet.',
    'visitor.hours.closed_email': 'Send us an e-mail in the meantime.',
    'visitor.wait.waiting': 'In the queue: {count}.',
    'visitor.wait.closed': 'No chat: closed.',

    'visitor.start.title': 'Chat with us',
    'visitor.start.lead':
      'Your chat starts automatically as soon as an agent is available. Choose a topic: we show your place in the queue and an honest estimate of the wait.',
    'visitor.start.topic_legend': 'What is your question about?',
    'visitor.start.name_label': 'Your name',
    'visitor.start.name_hint': 'So the agent can address you. You may leave this empty.',
    'visitor.start.submit': 'Start the chat',
    'visitor.start.privacy_heading': 'Your privacy',
    'visitor.start.privacy':
      'We do not store your IP address. For this chat we set a cookie that is gone when you close the browser. A second cookie, valid for {days} days, lets an agent see your earlier conversations with 1700, so you need not tell everything again. Chats are deleted automatically after {days} days.',
    'visitor.start.email_alternative': 'Rather not chat?',
    'visitor.start.email_link': 'Send us an e-mail',
    'visitor.start.error_topic_required': 'Choose a topic.',
    'visitor.start.error_topic_unknown':
      'This topic does not exist (any more). Choose a topic from the list.',
    'visitor.start.error_name_too_long': 'Enter a name of at most 200 characters.',
    'visitor.start.error_name_invalid': 'Your name contains characters we cannot store.',
    'visitor.start.too_many':
      'You started too many chats in a short time. Try again in {minutes} minutes, or send us an e-mail.',

    'visitor.notice.title': 'Please note',
    'visitor.notice.not_found':
      'We cannot find your chat any more: it may have ended or expired. You can start a new chat.',
    'visitor.notice.left': 'You left the queue.',
    'visitor.notice.abandoned':
      'You were away too long and lost your place in the queue. You can start a new chat.',

    'visitor.closed.title': 'The chat is closed now',
    'visitor.closed.text': 'The chat about “{topic}” is closed now.',
    'visitor.closed.email':
      'Send us an e-mail: you receive a copy of your message and we answer within 2 working days.',

    'visitor.admission.title': 'It may take a while',
    'visitor.admission.wait': 'The wait is now about {low} to {high} minutes.',
    'visitor.admission.none':
      'No agent is online right now, so we do not know how long you would have to wait.',
    'visitor.admission.offer':
      'Rather not wait? Send us an e-mail: you receive a copy of your message at once and we answer within 2 working days.',
    'visitor.admission.email_button': 'Send an e-mail instead',
    'visitor.admission.join_button': 'Join the queue anyway',
    'visitor.admission.join_hint': 'You stay in the queue as long as the chat page is open.',

    'visitor.chat.title': 'Chat with 1700',
    'visitor.chat.caption': 'Topic: {topic}',
    'visitor.chat.status_heading': 'Your chat',
    'visitor.status.queued': 'You are number {position} in the queue.',
    'visitor.status.active': '{name} has joined — your chat has started.',
    'visitor.status.active_anonymous': 'An agent has joined — your chat has started.',
    'visitor.status.ended': 'The chat has ended.',
    'visitor.status.left': 'You left the queue.',
    'visitor.chat.keep_open':
      'Keep this page open: that keeps your place in the queue. You can already type and send your question; the agent reads it as soon as the chat starts.',
    'visitor.chat.refresh_on':
      'This page refreshes itself every 15 seconds. If you type a long message, turn automatic refreshing off for a while.',
    'visitor.chat.refresh_off_link': 'Turn automatic refreshing off',
    'visitor.chat.refresh_off':
      'Automatic refreshing is off. Refresh the page at least every 2 minutes, or you lose your place in the queue.',
    'visitor.chat.refresh_now': 'Refresh now',
    'visitor.chat.refresh_on_link': 'Turn automatic refreshing back on',
    'visitor.chat.thread_label': 'Messages',
    'visitor.chat.thread_empty': 'No messages yet.',
    'visitor.chat.author_you': 'You',
    'visitor.chat.author_agent': 'Agent',
    'visitor.chat.author_system': '1700',
    'visitor.chat.message_label': 'Your message',
    'visitor.chat.message_hint': 'At most 2,000 characters.',
    'visitor.chat.send': 'Send',
    'visitor.chat.email_offer_heading': 'Rather not wait?',
    'visitor.chat.email_offer':
      'Leave the queue and send us an e-mail. Whatever you typed, also in the message box, goes with you to the e-mail form.',
    'visitor.chat.leave_for_email': 'Leave the queue and send an e-mail',
    'visitor.chat.leave': 'Leave the queue',
    'visitor.chat.end': 'End the chat',
    'visitor.chat.connection_connecting': 'Connecting…',
    'visitor.chat.connection_open': 'Connected: this page updates itself.',
    'visitor.chat.connection_lost':
      'The connection is lost. We are trying to reconnect; what you typed stays.',
    'visitor.chat.connection_retry': 'Reconnect now',
    'visitor.chat.ended_continue': 'Ask for a transcript or tell us what you thought',

    'visitor.message.error_empty': 'Type a message.',
    'visitor.message.error_too_long': 'Your message is too long: at most 2,000 characters.',
    'visitor.message.error_invalid': 'Your message contains characters we cannot send.',
    'visitor.message.error_not_open': 'The chat has ended: your message was not sent.',
    'visitor.message.too_many':
      'You are sending too many messages in a short time. Wait a moment and try again.',

    'visitor.ended.title': 'The chat has ended',
    'visitor.ended.lead': 'Thank you for your conversation with 1700.',
    'visitor.ended.new_chat': 'Start a new chat',
    'visitor.transcript.heading': 'Transcript by e-mail',
    'visitor.transcript.text':
      'Would you like to read the conversation again? We send you a transcript, once. We do not keep your e-mail address with the conversation.',
    'visitor.transcript.email_label': 'Your e-mail address',
    'visitor.transcript.submit': 'Send the transcript',
    'visitor.transcript.error_email': 'Enter a valid e-mail address, for example name@example.com.',
    'visitor.transcript.sent': 'The transcript of this conversation has been sent.',
    'visitor.transcript.already': 'We have already sent the transcript of this conversation.',
    'visitor.transcript.mail_subject': 'Transcript of your chat with 1700 on {date}',
    'visitor.transcript.mail_intro':
      'Here is the transcript of your chat with 1700 about “{topic}” on {date}.',
    'visitor.transcript.mail_footer':
      'This message was sent automatically; we do not read replies to it. Another question? Start a new chat or send an e-mail at {url}.',

    'visitor.rating.legend': 'How satisfied are you with this conversation?',
    'visitor.rating.1': 'Very dissatisfied',
    'visitor.rating.2': 'Dissatisfied',
    'visitor.rating.3': 'Neutral',
    'visitor.rating.4': 'Satisfied',
    'visitor.rating.5': 'Very satisfied',
    'visitor.rating.comment_label': 'Anything else you would like to tell us?',
    'visitor.rating.comment_hint': 'Your comment helps us improve. Please leave out personal details.',
    'visitor.rating.submit': 'Send your opinion',
    'visitor.rating.error_required': 'Choose how satisfied you are.',
    'visitor.rating.error_comment_too_long': 'Your comment is too long: at most 2,000 characters.',
    'visitor.rating.error_comment_invalid': 'Your comment contains characters we cannot store.',
    'visitor.rating.thanks': 'Thank you for your opinion.',
    'visitor.rating.done': 'You already rated this conversation. Thank you.',

    'visitor.email.notice_left':
      'You left the queue. What you typed is in the form below: add your e-mail address and send it.',
    'visitor.email.notice_offer': 'Complete the form and send it: you receive a copy of your message.',
  },
);
