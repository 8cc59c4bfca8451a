import { defineMessages } from '../define.js';

/** The reporter's mailbox: follow up a report with the receipt (src/reporting/mailbox). */
export const reportingMailboxMessages = defineMessages(
  {
    'mailbox.title': 'Mijn melding opvolgen',
    'mailbox.receipt.lead':
      'Geef de ontvangstcode in die u kreeg toen u uw melding deed. Daarmee leest u de stand van uw melding en de berichten van de behandelaars, antwoordt u en voegt u bestanden toe.',
    'mailbox.receipt.label': 'Ontvangstcode',
    'mailbox.receipt.hint': '16 cijfers. Spaties en streepjes mag u laten staan.',
    'mailbox.receipt.submit': 'Open mijn melding',
    'mailbox.receipt.error_required': 'Geef uw ontvangstcode in',
    'mailbox.receipt.error_format':
      'Een ontvangstcode bestaat uit 16 cijfers. Controleer wat u hebt ingegeven.',
    'mailbox.receipt.error_not_found':
      'Met deze ontvangstcode vinden we geen melding. Controleer de code en probeer het opnieuw.',
    'mailbox.receipt.throttled_title': 'Te veel pogingen',
    'mailbox.receipt.throttled':
      'Er werd te vaak een ontvangstcode ingegeven. Probeer het opnieuw na {time} (over ongeveer {minutes} min.).',
    'mailbox.receipt.lost_title': 'Ontvangstcode kwijt?',
    'mailbox.receipt.lost':
      'Niemand kan uw ontvangstcode opzoeken of opnieuw aanmaken: ze wordt nergens leesbaar bewaard. U kunt wel een nieuwe melding maken en daarin naar de vorige verwijzen.',
    'mailbox.receipt.lost_link': 'Een nieuwe melding maken',
    'mailbox.receipt.privacy':
      'We bewaren en loggen geen IP-adres en niets over uw browser. Uw sessie eindigt na 30 minuten zonder activiteit en wanneer u uitlogt.',
    'mailbox.notice.session_ended':
      'Uw sessie is beëindigd, na 30 minuten zonder activiteit of omdat ze te lang open stond. Geef uw ontvangstcode opnieuw in.',
    'mailbox.notice.logged_out':
      'U bent uitgelogd. Gebruikt u een gedeelde computer, sluit dan ook het venster van de browser.',
    'mailbox.notice.unsent_label': 'Uw tekst, die niet werd verstuurd',
    'mailbox.notice.unsent_hint':
      'Kopieer hem als u hem wilt bewaren. Na het ingeven van uw ontvangstcode kunt u hem opnieuw versturen.',

    'mailbox.logout': 'Uitloggen',
    'mailbox.caption': 'Uw melding',
    'mailbox.summary.channel': 'Behandeld door',
    'mailbox.summary.status': 'Stand',
    'mailbox.summary.received': 'Ontvangen op',
    'mailbox.summary.acknowledgement': 'Ontvangstbevestiging',
    'mailbox.summary.ack_due': 'Uiterlijk op {date}',
    'mailbox.summary.ack_done': 'Bevestigd op {date}',
    'mailbox.summary.ack_closed': 'Niet nodig: de melding was al afgesloten',
    'mailbox.summary.feedback': 'Terugkoppeling',
    'mailbox.summary.feedback_due': 'Uiterlijk op {date} laten we u weten wat er met uw melding gebeurt.',
    'mailbox.summary.feedback_given': 'Gegeven op {date}',
    'mailbox.summary.closed': 'Afgesloten op',
    'mailbox.deadlines_hint':
      'Dit zijn wettelijke termijnen: een ontvangstbevestiging binnen 7 dagen, en binnen 3 maanden daarna terugkoppeling over wat er met uw melding gebeurt.',
    'mailbox.minutes_waiting': 'Er is een verslag van uw mondelinge melding dat op uw antwoord wacht.',
    'mailbox.minutes_waiting_link': 'Naar het verslag',

    'mailbox.messages.title': 'Berichten',
    'mailbox.messages.empty': 'Er zijn nog geen berichten.',
    'mailbox.messages.from_you': 'U',
    'mailbox.messages.files': 'Bijlagen',
    'mailbox.messages.file_size_kb': '{size} kB',
    'mailbox.messages.file_size_mb': '{size} MB',
    'mailbox.kind.acknowledgement': 'We hebben uw melding ontvangen.',
    'mailbox.kind.not_acknowledged':
      'Uw melding was al afgesloten toen ze werd behandeld. Er volgt daarom geen afzonderlijke ontvangstbevestiging.',
    'mailbox.kind.forwarded':
      'Uw melding werd doorgestuurd naar een ander kanaal dat ervoor bevoegd is. Dat kanaal behandelt ze verder.',
    'mailbox.kind.status': 'De stand van uw melding is gewijzigd.',
    'mailbox.kind.minutes_signed': 'U hebt het verslag ondertekend.',
    'mailbox.kind.minutes_corrections': 'U stelde correcties voor op het verslag:',

    'mailbox.minutes.title': 'Verslag van uw mondelinge melding',
    'mailbox.minutes.status.awaiting_signature': 'Wacht op uw antwoord',
    'mailbox.minutes.status.signed': 'Ondertekend',
    'mailbox.minutes.status.corrections_proposed': 'Correcties voorgesteld',
    'mailbox.minutes.status.superseded': 'Vervangen door een nieuwere versie',
    'mailbox.minutes.answered_on': 'Beantwoord op {date}',
    'mailbox.minutes.intro':
      'Lees het verslag. Geeft het weer wat u hebt gemeld, onderteken het dan. Klopt er iets niet, stel dan correcties voor: de behandelaar past het verslag aan en legt het opnieuw aan u voor. U kunt elk verslag één keer beantwoorden.',
    'mailbox.minutes.sign_title': 'Ondertekenen',
    'mailbox.minutes.confirm_legend': 'Bevestiging',
    'mailbox.minutes.confirm': 'Ik heb het verslag gelezen en het geeft weer wat ik heb gemeld.',
    'mailbox.minutes.sign': 'Ik onderteken dit verslag',
    'mailbox.minutes.confirm_required':
      'Vink aan dat het verslag weergeeft wat u hebt gemeld, om het te ondertekenen',
    'mailbox.minutes.corrections_title': 'Correcties voorstellen',
    'mailbox.minutes.corrections_label': 'Wat moet er anders in het verslag?',
    'mailbox.minutes.corrections_submit': 'Ik stel correcties voor',
    'mailbox.minutes.corrections_required': 'Beschrijf wat er anders moet in het verslag',
    'mailbox.minutes.corrections_too_long': 'Uw correcties zijn te lang: ten hoogste 20.000 tekens',
    'mailbox.minutes.already_answered': 'Dit verslag werd al beantwoord. Er is niets gewijzigd.',
    'mailbox.minutes.signed_done': 'U hebt het verslag ondertekend. De behandelaar is verwittigd.',
    'mailbox.minutes.corrections_done':
      'Uw correcties zijn verstuurd. De behandelaar past het verslag aan en legt het opnieuw aan u voor.',

    'mailbox.reply.title': 'Antwoorden',
    'mailbox.reply.message_label': 'Uw bericht',
    'mailbox.reply.message_hint':
      'Wilt u anoniem blijven, schrijf dan niets waaruit iemand kan afleiden wie u bent.',
    'mailbox.reply.files_label': 'Bestanden toevoegen',
    'mailbox.reply.files_hint':
      "Ten hoogste {max} bestanden van elk ten hoogste {mb} MB: PDF, foto's, kantoordocumenten, geluid, video of tekst. Programma's en scripts worden geweigerd. Geeft het formulier een fout, kies de bestanden dan opnieuw.",
    'mailbox.reply.strip_legend': "Foto's",
    'mailbox.reply.strip_option':
      "Verwijder de metadata uit foto's (zoals de plaats, het tijdstip en het toestel) voor ze bewaard worden",
    'mailbox.reply.submit': 'Verstuur',
    'mailbox.reply.sent': 'Uw bericht is verstuurd. De behandelaars zijn verwittigd.',
    'mailbox.reply.closed':
      'Uw melding is afgesloten: u kunt geen berichten meer sturen. Hebt u nieuwe informatie, maak dan een nieuwe melding.',
    'mailbox.reply.error_empty': 'Schrijf een bericht of voeg een bestand toe',
    'mailbox.reply.error_too_long': 'Uw bericht is te lang: ten hoogste 20.000 tekens',
    'mailbox.reply.error_characters':
      'Uw bericht bevat tekens die niet bewaard kunnen worden (zoals een NUL-teken). Verwijder ze en probeer het opnieuw.',
    'mailbox.reply.error_too_many_files': 'U hebt te veel bestanden gekozen. Het maximum staat bij het veld.',
    'mailbox.reply.error_file_too_large': 'Een van de bestanden is te groot. Het maximum staat bij het veld.',
    'mailbox.reply.error_file_empty': 'Een van de bestanden is leeg',
    'mailbox.reply.error_file_executable':
      'Een van de bestanden is een programma of script. Die aanvaarden we om veiligheidsredenen niet.',
    'mailbox.reply.error_file_type':
      "Een van de bestanden is van een soort die we niet aanvaarden. Gebruik PDF, foto's, kantoordocumenten, geluid, video of tekst.",
    'mailbox.reply.error_malformed': 'Het formulier kwam niet volledig aan. Probeer het opnieuw.',
    'mailbox.reply.error_throttled':
      'U hebt op korte tijd veel berichten verstuurd. Wacht een kwartier en probeer het dan opnieuw.',
  },
  {
    'mailbox.title': 'Follow up my report',
    'mailbox.receipt.lead':
      'Enter the receipt code you received when you made your report. With it you read where your report stands and the messages of the handlers, answer them and add files.',
    'mailbox.receipt.label': 'Receipt code',
    'mailbox.receipt.hint': '16 digits. You may leave spaces and dashes in.',
    'mailbox.receipt.submit': 'Open my report',
    'mailbox.receipt.error_required': 'Enter your receipt code',
    'mailbox.receipt.error_format': 'A receipt code has 16 digits. Check what you entered.',
    'mailbox.receipt.error_not_found':
      'We find no report with this receipt code. Check the code and try again.',
    'mailbox.receipt.throttled_title': 'Too many attempts',
    'mailbox.receipt.throttled':
      'A receipt code was entered too often. Try again after {time} (in about {minutes} min.).',
    'mailbox.receipt.lost_title': 'Lost your receipt code?',
    'mailbox.receipt.lost':
      'Nobody can look up or recreate your receipt code: it is not kept readable anywhere. You can make a new report and refer to the earlier one in it.',
    'mailbox.receipt.lost_link': 'Make a new report',
    'mailbox.receipt.privacy':
      'We keep and log no IP address and nothing about your browser. Your session ends after 30 minutes without activity and when you log out.',
    'mailbox.notice.session_ended':
      'Your session has ended, after 30 minutes without activity or because it was open too long. Enter your receipt code again.',
    'mailbox.notice.logged_out':
      'You are logged out. If you use a shared computer, close the browser window too.',
    'mailbox.notice.unsent_label': 'Your text, which was not sent',
    'mailbox.notice.unsent_hint':
      'Copy it if you want to keep it. Once you have entered your receipt code you can send it again.',

    'mailbox.logout': 'Log out',
    'mailbox.caption': 'Your report',
    'mailbox.summary.channel': 'Handled by',
    'mailbox.summary.status': 'Status',
    'mailbox.summary.received': 'Received on',
    'mailbox.summary.acknowledgement': 'Acknowledgement of receipt',
    'mailbox.summary.ack_due': 'By {date} at the latest',
    'mailbox.summary.ack_done': 'Acknowledged on {date}',
    'mailbox.summary.ack_closed': 'Not needed: the report was already closed',
    'mailbox.summary.feedback': 'Feedback',
    'mailbox.summary.feedback_due':
      'By {date} at the latest we tell you what is being done with your report.',
    'mailbox.summary.feedback_given': 'Given on {date}',
    'mailbox.summary.closed': 'Closed on',
    'mailbox.deadlines_hint':
      'These are legal deadlines: an acknowledgement of receipt within 7 days, and feedback on what is being done with your report within 3 months after that.',
    'mailbox.minutes_waiting': 'There are minutes of your oral report waiting for your answer.',
    'mailbox.minutes_waiting_link': 'Go to the minutes',

    'mailbox.messages.title': 'Messages',
    'mailbox.messages.empty': 'There are no messages yet.',
    'mailbox.messages.from_you': 'You',
    'mailbox.messages.files': 'Attachments',
    'mailbox.messages.file_size_kb': '{size} kB',
    'mailbox.messages.file_size_mb': '{size} MB',
    'mailbox.kind.acknowledgement': 'We have received your report.',
    'mailbox.kind.not_acknowledged':
      'Your report had already been closed when it was handled. No separate acknowledgement of receipt will follow.',
    'mailbox.kind.forwarded':
      'Your report was forwarded to another channel that is competent for it. That channel handles it from now on.',
    'mailbox.kind.status': 'The status of your report has changed.',
    'mailbox.kind.minutes_signed': 'You signed the minutes.',
    'mailbox.kind.minutes_corrections': 'You proposed corrections to the minutes:',

    'mailbox.minutes.title': 'Minutes of your oral report',
    'mailbox.minutes.status.awaiting_signature': 'Waiting for your answer',
    'mailbox.minutes.status.signed': 'Signed',
    'mailbox.minutes.status.corrections_proposed': 'Corrections proposed',
    'mailbox.minutes.status.superseded': 'Replaced by a newer version',
    'mailbox.minutes.answered_on': 'Answered on {date}',
    'mailbox.minutes.intro':
      'Read the minutes. If they reflect what you reported, sign them. If something is wrong, propose corrections: the handler changes the minutes and puts them to you again. You can answer each version once.',
    'mailbox.minutes.sign_title': 'Sign',
    'mailbox.minutes.confirm_legend': 'Confirmation',
    'mailbox.minutes.confirm': 'I have read the minutes and they reflect what I reported.',
    'mailbox.minutes.sign': 'I sign these minutes',
    'mailbox.minutes.confirm_required': 'Tick that the minutes reflect what you reported, to sign them',
    'mailbox.minutes.corrections_title': 'Propose corrections',
    'mailbox.minutes.corrections_label': 'What should be different in the minutes?',
    'mailbox.minutes.corrections_submit': 'I propose corrections',
    'mailbox.minutes.corrections_required': 'Describe what should be different in the minutes',
    'mailbox.minutes.corrections_too_long': 'Your corrections are too long: 20,000 characters at most',
    'mailbox.minutes.already_answered': 'These minutes have already been answered. Nothing was changed.',
    'mailbox.minutes.signed_done': 'You signed the minutes. The handler has been told.',
    'mailbox.minutes.corrections_done':
      'Your corrections were sent. The handler changes the minutes and puts them to you again.',

    'mailbox.reply.title': 'Answer',
    'mailbox.reply.message_label': 'Your message',
    'mailbox.reply.message_hint':
      'If you want to stay anonymous, write nothing from which someone could tell who you are.',
    'mailbox.reply.files_label': 'Add files',
    'mailbox.reply.files_hint':
      'At most {max} files of at most {mb} MB each: PDF, photos, office documents, sound, video or text. Programs and scripts are refused. If the form shows an error, choose the files again.',
    'mailbox.reply.strip_legend': 'Photos',
    'mailbox.reply.strip_option':
      'Remove the metadata from photos (such as the place, the time and the device) before they are stored',
    'mailbox.reply.submit': 'Send',
    'mailbox.reply.sent': 'Your message was sent. The handlers have been told.',
    'mailbox.reply.closed':
      'Your report is closed: you can no longer send messages. If you have new information, make a new report.',
    'mailbox.reply.error_empty': 'Write a message or add a file',
    'mailbox.reply.error_too_long': 'Your message is too long: 20,000 characters at most',
    'mailbox.reply.error_characters':
      'Your message contains characters that cannot be stored (such as a NUL character). Remove them and try again.',
    'mailbox.reply.error_too_many_files': 'You chose too many files. The maximum is given with the field.',
    'mailbox.reply.error_file_too_large':
      'One of the files is too large. The maximum is given with the field.',
    'mailbox.reply.error_file_empty': 'One of the files is empty',
    'mailbox.reply.error_file_executable':
      'One of the files is a program or script. We do not accept those, for safety.',
    'mailbox.reply.error_file_type':
      'One of the files is of a kind we do not accept. Use PDF, photos, office documents, sound, video or text.',
    'mailbox.reply.error_malformed': 'The form did not arrive completely. Try again.',
    'mailbox.reply.error_throttled':
      'You sent many messages in a short time. Wait a quarter of an hour and try again.',
  },
);
