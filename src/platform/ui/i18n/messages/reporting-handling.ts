import { defineMessages } from '../define.js';

/** The handler's side: inbox, report, acknowledgement, messages, forward, recuse, reveal, oral reports (src/reporting/handling). */
export const reportingHandlingMessages = defineMessages(
  {
    'handling.inbox.title': 'Meldingen',
    'handling.inbox.lead':
      'De meldingen in uw kanalen. De inhoud is versleuteld: u leest ze pas als u een melding opent.',
    'handling.inbox.filters_label': 'Meldingen filteren',
    'handling.inbox.filter_status': 'Status',
    'handling.inbox.filter_channel': 'Kanaal',
    'handling.inbox.filter_all': 'Alle',
    'handling.inbox.filter_overdue_legend': 'Termijnen',
    'handling.inbox.filter_overdue': 'Alleen meldingen met een overschreden termijn',
    'handling.inbox.filter_apply': 'Filteren',
    'handling.inbox.caption': 'Meldingen',
    'handling.inbox.empty': 'Er zijn geen meldingen voor u.',
    'handling.inbox.empty_filtered': 'Geen meldingen die aan deze filters voldoen.',
    'handling.inbox.col_ack_due': 'Bevestigen vóór',
    'handling.inbox.col_feedback_due': 'Terugkoppelen vóór',

    'handling.field.reference': 'Referentie',
    'handling.field.status': 'Status',
    'handling.field.channel': 'Kanaal',
    'handling.field.category': 'Categorie',
    'handling.field.received': 'Ontvangen',
    'handling.field.ack_due': 'Ontvangstbevestiging uiterlijk',
    'handling.field.feedback_due': 'Terugkoppeling uiterlijk',
    'handling.field.acknowledged_at': 'Ontvangst bevestigd op',
    'handling.field.not_acknowledged_reason': 'Geen ontvangstbevestiging omdat',
    'handling.field.identity_mode': 'Identiteit van de melder',
    'handling.field.source': 'Manier van melden',
    'handling.field.notify': 'Verwittiging per e-mail',

    'handling.clock.overdue': 'Termijn overschreden',
    'handling.clock.done': 'Gedaan',
    'handling.clock.done_late': 'Gedaan, te laat',
    'handling.clock.exempt': 'Niet van toepassing',

    'handling.report.title': 'Melding {reference}',
    'handling.report.caption': 'Melding',
    'handling.report.back': 'Terug naar de meldingen',
    'handling.report.facts': 'Gegevens',
    'handling.report.notify_yes': 'De melder liet een adres achter om verwittigd te worden (zonder inhoud).',
    'handling.report.notify_no': 'Geen: de melder kijkt zelf in de brievenbus met de ontvangstcode.',
    'handling.report.answers': 'Melding',
    'handling.report.thread': 'Berichten met de melder',
    'handling.report.thread_empty': 'Nog geen berichten.',
    'handling.report.actions': 'Acties',

    'handling.answer.none': 'Niet beantwoord',
    'handling.answer.none_at_all': 'Deze melding bevat geen antwoorden.',
    'handling.answer.yes': 'Ja',
    'handling.answer.no': 'Nee',
    'handling.answer.summary': 'Samenvatting van de melding',

    'handling.file.missing': 'Bestand niet gevonden',
    'handling.file.size_bytes': '{n} bytes',
    'handling.file.size_kb': '{n} kB',
    'handling.file.size_mb': '{n} MB',

    'handling.identity.title': 'Identiteit van de melder',
    'handling.identity.anonymous':
      'Deze melding is anoniem. Er werd niets bewaard dat de melder identificeert.',
    'handling.identity.confidential':
      'Deze melding is vertrouwelijk. De identiteit van de melder is apart versleuteld. Vraag ze alleen op als u ze nodig hebt voor de behandeling: uw reden wordt vastgelegd.',
    'handling.identity.reason': 'Waarom hebt u de identiteit nodig?',
    'handling.identity.reason_hint': 'Minstens 10 tekens. Uw reden komt in het auditlogboek.',
    'handling.identity.reveal': 'Identiteit tonen',
    'handling.identity.revealed_warning':
      'U ziet de identiteit alleen op deze pagina. Deel ze niet zonder toestemming van de melder. Dat u ze opvroeg, werd vastgelegd.',
    'handling.identity.name': 'Naam',
    'handling.identity.contact': 'Contactgegevens',

    'handling.ack.title': 'Ontvangst bevestigen',
    'handling.ack.lead':
      'De bevestiging verschijnt in de brievenbus van de melder. De termijn voor terugkoppeling wordt drie maanden vanaf vandaag.',
    'handling.ack.text': 'Bericht aan de melder',
    'handling.ack.text_hint': 'U kunt de tekst aanpassen. Noem geen namen van betrokkenen.',
    'handling.ack.default_text':
      'Beste melder,\n\nWe hebben uw melding goed ontvangen. Ze wordt vertrouwelijk behandeld door de bevoegde behandelaars.\n\nBinnen drie maanden laten we u weten wat er met uw melding gebeurt. U kunt ons intussen via deze brievenbus berichten en bestanden sturen.\n\nMet vriendelijke groeten,\nHet Integriteitsloket',
    'handling.ack.submit': 'Ontvangst bevestigen',

    'handling.not_ack.title': 'Geen ontvangstbevestiging sturen',
    'handling.not_ack.reason': 'Waarom stuurt u geen ontvangstbevestiging?',
    'handling.not_ack.reason_hint': 'De reden wordt vastgelegd. Dit kan maar één keer.',
    'handling.not_ack.hint_reporter_objected': 'De melder krijgt geen bericht: hij vroeg er zelf om.',
    'handling.not_ack.hint_would_endanger_identity':
      'De melder krijgt geen bericht en geen e-mail: elk bericht kan hem verraden.',
    'handling.not_ack.hint_already_closed':
      'De melder krijgt meteen het bericht hieronder, en de melding wordt afgesloten.',
    'handling.not_ack.text': 'Bericht aan de melder',
    'handling.not_ack.text_hint': 'Wordt alleen verstuurd als de melding al afgesloten was.',
    'handling.not_ack.default_text':
      'Beste melder,\n\nWe hebben uw melding ontvangen. De feiten die u meldt, werden al eerder behandeld en die behandeling is afgesloten. We sluiten daarom ook uw melding af.\n\nMet vriendelijke groeten,\nHet Integriteitsloket',
    'handling.not_ack.submit': 'Reden vastleggen',

    'handling.message.title': 'Bericht aan de melder',
    'handling.message.text': 'Bericht',
    'handling.message.text_hint':
      'De melder ziet "Integriteitsloket" als afzender, niet uw naam. Uw collega\'s zien dat u het schreef.',
    'handling.message.strip_legend': 'Metagegevens',
    'handling.message.strip': "Verwijder metagegevens (zoals locatie en toestel) uit foto's",
    'handling.message.strip_hint': 'Voor JPEG-, PNG- en WebP-afbeeldingen.',
    'handling.message.files': 'Bestanden toevoegen',
    'handling.message.files_hint':
      "Documenten, afbeeldingen, geluid of video. Geen programma's. Kies de bestanden opnieuw als het formulier een fout toont.",
    'handling.message.submit': 'Bericht versturen',

    'handling.minutes.title': 'Verslag van een gesprek toevoegen',
    'handling.minutes.lead':
      'Voor een gesprek of telefoon met de melder over deze melding. De melder kan het verslag lezen en ondertekenen of correcties voorstellen.',
    'handling.minutes.lead_supersede':
      'Voor een gesprek of telefoon met de melder. Er wacht nog een verslag op de melder: het nieuwe vervangt het.',
    'handling.minutes.text': 'Verslag',
    'handling.minutes.text_hint': 'Geef weer wat de melder zei, zo getrouw mogelijk.',
    'handling.minutes.submit': 'Verslag toevoegen',
    'handling.minutes.status_awaiting_signature': 'Wacht op ondertekening',
    'handling.minutes.status_signed': 'Ondertekend',
    'handling.minutes.status_corrections_proposed': 'Correcties voorgesteld',
    'handling.minutes.status_superseded': 'Vervangen',

    'handling.forward.title': 'Doorsturen naar een ander kanaal',
    'handling.forward.lead':
      'Voor een melding die niet bij dit kanaal hoort. De behandelaars van het andere kanaal krijgen toegang, die van dit kanaal verliezen ze (ook u, tenzij u ook daar behandelaar bent). De melder krijgt te horen naar welk kanaal ze ging.',
    'handling.forward.none': 'Er is geen ander actief kanaal.',
    'handling.forward.channel': 'Kanaal',
    'handling.forward.choose': 'Kies een kanaal',
    'handling.forward.submit': 'Doorsturen',
    'handling.forward.reporter_text': 'Uw melding werd doorgestuurd naar het bevoegde kanaal: {channel}.',

    'handling.recuse.title': 'Mij terugtrekken',
    'handling.recuse.lead':
      'Als u zelf betrokken bent of een belangenconflict hebt. U verliest de toegang tot deze melding; dat wordt vastgelegd.',
    'handling.recuse.start': 'Mij terugtrekken',
    'handling.recuse.confirm_title': 'Wilt u zich terugtrekken van deze melding?',
    'handling.recuse.confirm_body':
      "U verliest meteen de toegang tot deze melding en ziet ze niet meer in uw lijst. Uw collega's krijgen een bericht. Dit kunt u zelf niet ongedaan maken.",
    'handling.recuse.confirm': 'Ja, trek mij terug',
    'handling.recuse.cancel': 'Nee, terug naar de melding',

    'handling.access.title': 'Wie heeft toegang',
    'handling.access.you': '(u)',
    'handling.access.pending': 'nog geen toegang',
    'handling.access.pending_title': 'Nog geen toegang',
    'handling.access.grant_lead':
      'Deze collega’s hebben recht op de melding, maar kunnen ze nog niet lezen. Geef alleen toegang aan wie niet betrokken is bij de feiten: de melder kon wie later aan het kanaal werd toegevoegd niet uitsluiten. Dat u toegang gaf, wordt vastgelegd.',
    'handling.access.grant': 'Toegang geven',
    'handling.access.grant_to': 'aan {name}',
    'handling.access.no_keys': '(nog geen sleutelpaar: moet zich eerst één keer aanmelden)',
    'handling.access.excluded': '{n} behandelaar(s) van dit kanaal werden door de melder uitgesloten.',
    'handling.access.recused': '{n} behandelaar(s) trokken zich terug.',

    'handling.pending.title': 'Melding {reference}',
    'handling.pending.title_short': 'Nog geen toegang',
    'handling.pending.body':
      'U hebt nog geen toegang tot deze melding; een collega die toegang heeft, kan u die geven.',
    'handling.pending.recuse_lead':
      'Bent u betrokken bij de feiten of hebt u een belangenconflict? Trek u dan terug: u krijgt geen toegang en ziet de melding niet meer. Dat wordt vastgelegd.',

    'handling.unreadable.title': 'Deze melding kan niet ontsleuteld worden',
    'handling.unreadable.body':
      'De opgeslagen gegevens van deze melding passen niet bij uw sleutel, of ze werden beschadigd. Er werd niets gewijzigd. Meld het aan de applicatiebeheerder.',
    'handling.unreadable.reference': 'Referentie voor de beheerder: {id}',

    'handling.notice.acknowledged':
      'De ontvangst is bevestigd. De melder ziet de bevestiging in de brievenbus.',
    'handling.notice.not_acknowledged': 'De reden is vastgelegd. De melder kreeg geen bericht.',
    'handling.notice.not_acknowledged_told': 'De reden is vastgelegd en de melder kreeg uw bericht.',
    'handling.notice.message_sent': 'Uw bericht is verstuurd.',
    'handling.notice.minutes_added': 'Het verslag is toegevoegd. De melder kan het lezen en ondertekenen.',
    'handling.notice.forwarded': 'De melding is doorgestuurd. U bent ook behandelaar van het nieuwe kanaal.',
    'handling.notice.forwarded_away':
      'De melding is doorgestuurd naar het andere kanaal. U hebt er geen toegang meer toe.',
    'handling.notice.recused': 'U hebt zich teruggetrokken. U hebt geen toegang meer tot die melding.',
    'handling.notice.access_granted': 'De toegang is gegeven. Uw collega kan de melding nu lezen.',

    'handling.refusal.already_acknowledged': 'De ontvangst van deze melding werd al bevestigd.',
    'handling.refusal.already_recorded':
      'Voor deze melding werd al een ontvangstbevestiging of een reden vastgelegd.',
    'handling.refusal.not_confidential':
      'Alleen bij een vertrouwelijke melding kan de identiteit opgevraagd worden.',
    'handling.refusal.changed': 'De melding werd intussen gewijzigd. Bekijk ze opnieuw.',
    'handling.refusal.no_keys':
      'Niemand in dat kanaal kan de melding openen: de behandelaars hebben nog geen sleutelpaar. Kies een ander kanaal of vraag de beheerder om hulp.',
    'handling.refusal.last_reader':
      'U bent de enige die deze melding kan openen. Geef eerst een collega toegang of stuur de melding door, of vraag de beheerder een andere behandelaar aan het kanaal toe te voegen.',
    'handling.refusal.grant_not_entitled':
      'Die persoon heeft geen recht op deze melding (geen behandelaar van dit kanaal, uitgesloten of teruggetrokken). Er werd niets gewijzigd.',
    'handling.refusal.grant_no_keys':
      'Die persoon heeft nog geen sleutelpaar. Vraag hem of haar eerst één keer aan te melden. Er werd niets gewijzigd.',
    'handling.refusal.grant_already': 'Die persoon heeft al toegang tot deze melding.',
    'handling.refusal.channel_unavailable': 'Dat kanaal kan op dit moment geen meldingen ontvangen.',
    'handling.refusal.same_channel': 'De melding zit al in dat kanaal.',
    'handling.refusal.replayed':
      'Dit formulier werd al verstuurd. Bekijk de lijst van meldingen om te zien wat er geregistreerd werd.',

    'handling.error.too_long': 'De tekst is te lang.',
    'handling.error.bad_characters': 'De tekst bevat een teken dat niet toegelaten is.',
    'handling.error.bad_choice': 'Kies een van de mogelijkheden.',
    'handling.error.ack_text_required': 'Schrijf een bericht voor de melder.',
    'handling.error.reason_required': 'Kies een reden.',
    'handling.error.not_ack_text_required': 'Schrijf een bericht voor de melder.',
    'handling.error.message_required': 'Schrijf een bericht.',
    'handling.error.minutes_required': 'Schrijf het verslag.',
    'handling.error.summary_required': 'Vat de melding samen.',
    'handling.error.channel_required': 'Kies een kanaal.',
    'handling.error.reveal_reason_required': 'Geef een reden van minstens 10 tekens.',
    'handling.error.identity_mode_required': 'Kies hoe de melder gekend wil zijn.',
    'handling.error.identity_name_required': 'Geef de naam van de melder, of kies anoniem.',
    'handling.error.anonymous_identity':
      'Een anonieme melding heeft geen naam of contactgegevens. Maak die velden leeg, of kies vertrouwelijk.',
    'handling.error.notify_invalid': 'Geef een geldig e-mailadres, of laat het veld leeg.',
    'handling.error.bad_exclusion': "U kunt alleen collega's van dit kanaal uitsluiten, niet uzelf.",
    'handling.error.too_many_files': 'U kunt niet zoveel bestanden tegelijk versturen.',
    'handling.error.file_too_large': 'Een bestand is te groot.',
    'handling.error.file_empty': 'Een bestand is leeg.',
    'handling.error.file_executable': "Programma's en scripts kunnen niet verstuurd worden.",
    'handling.error.file_type': 'Dit soort bestand wordt niet aanvaard.',
    'handling.error.upload_failed': 'De bestanden konden niet gelezen worden. Probeer het opnieuw.',

    'handling.oral.start': 'Mondelinge melding registreren',
    'handling.oral.title': 'Mondelinge melding registreren',
    'handling.oral.lead':
      'Voor een melding in een gesprek of aan de telefoon. Kies eerst het kanaal waarin u de melding registreert.',
    'handling.oral.no_channels': 'U bent geen behandelaar van een actief kanaal.',
    'handling.oral.channel': 'Kanaal',
    'handling.oral.continue': 'Verder',
    'handling.oral.other_channel': 'Een ander kanaal kiezen',
    'handling.oral.form_lead':
      'Registreer de melding zoals de melder ze deed, en het verslag van het gesprek. De melder krijgt een ontvangstcode waarmee hij het verslag kan lezen en ondertekenen.',
    'handling.oral.category_none': 'Geen categorie',
    'handling.oral.identity_hint': 'Niet voor een anonieme melding.',
    'handling.oral.contact_hint':
      'Telefoonnummer of adres, als de melder dat wil. Niet voor een anonieme melding.',
    'handling.oral.notify': 'E-mailadres om de melder te verwittigen',
    'handling.oral.notify_hint':
      'Alleen als de melder dat uitdrukkelijk wil. De e-mails bevatten nooit inhoud van de melding.',
    'handling.oral.excluded': "Collega's die de melding niet mogen zien",
    'handling.oral.excluded_hint':
      'Wie volgens de melder betrokken is bij de feiten. Zij zien de melding nergens.',
    'handling.oral.summary_hint': 'Wat de melder meldt, in het kort.',
    'handling.oral.minutes_hint':
      'Het verslag van het gesprek. De melder kan het lezen en ondertekenen of correcties voorstellen.',
    'handling.oral.submit': 'Melding registreren',
    'handling.oral.receipt_title': 'Ontvangstcode voor de melder',
    'handling.oral.receipt_registered': 'Melding {reference} is geregistreerd.',
    'handling.oral.receipt_intro': 'Geef de melder deze ontvangstcode:',
    'handling.oral.receipt_once':
      'De code wordt maar één keer getoond. Niemand kan ze later opnieuw opvragen, ook u niet.',
    'handling.oral.receipt_in_person':
      'Geef ze persoonlijk af (op papier of voorgelezen), niet per e-mail of in een bericht dat anderen kunnen lezen. Bewaar zelf geen kopie.',
    'handling.oral.receipt_only_key':
      'Met de code leest de melder het verslag en de berichten op de pagina "Mijn melding opvolgen". Het is de enige sleutel van de melder tot de melding.',
    'handling.oral.receipt_to_report': 'Naar de melding',
  },
  {
    'handling.inbox.title': 'Reports',
    'handling.inbox.lead':
      'The reports in your channels. Their content is encrypted: you read it when you open a report.',
    'handling.inbox.filters_label': 'Filter reports',
    'handling.inbox.filter_status': 'Status',
    'handling.inbox.filter_channel': 'Channel',
    'handling.inbox.filter_all': 'All',
    'handling.inbox.filter_overdue_legend': 'Deadlines',
    'handling.inbox.filter_overdue': 'Only reports with a missed deadline',
    'handling.inbox.filter_apply': 'Filter',
    'handling.inbox.caption': 'Reports',
    'handling.inbox.empty': 'There are no reports for you.',
    'handling.inbox.empty_filtered': 'No reports match these filters.',
    'handling.inbox.col_ack_due': 'Acknowledge by',
    'handling.inbox.col_feedback_due': 'Feedback by',

    'handling.field.reference': 'Reference',
    'handling.field.status': 'Status',
    'handling.field.channel': 'Channel',
    'handling.field.category': 'Category',
    'handling.field.received': 'Received',
    'handling.field.ack_due': 'Acknowledgement due',
    'handling.field.feedback_due': 'Feedback due',
    'handling.field.acknowledged_at': 'Receipt acknowledged on',
    'handling.field.not_acknowledged_reason': 'Not acknowledged because',
    'handling.field.identity_mode': "Reporter's identity",
    'handling.field.source': 'How it was reported',
    'handling.field.notify': 'E-mail notification',

    'handling.clock.overdue': 'Overdue',
    'handling.clock.done': 'Done',
    'handling.clock.done_late': 'Done late',
    'handling.clock.exempt': 'Not applicable',

    'handling.report.title': 'Report {reference}',
    'handling.report.caption': 'Report',
    'handling.report.back': 'Back to the reports',
    'handling.report.facts': 'Details',
    'handling.report.notify_yes': 'The reporter left an address to be notified (without content).',
    'handling.report.notify_no': 'None: the reporter checks the mailbox with the receipt code.',
    'handling.report.answers': 'Report',
    'handling.report.thread': 'Messages with the reporter',
    'handling.report.thread_empty': 'No messages yet.',
    'handling.report.actions': 'Actions',

    'handling.answer.none': 'Not answered',
    'handling.answer.none_at_all': 'This report has no answers.',
    'handling.answer.yes': 'Yes',
    'handling.answer.no': 'No',
    'handling.answer.summary': 'Summary of the report',

    'handling.file.missing': 'File not found',
    'handling.file.size_bytes': '{n} bytes',
    'handling.file.size_kb': '{n} kB',
    'handling.file.size_mb': '{n} MB',

    'handling.identity.title': "Reporter's identity",
    'handling.identity.anonymous': 'This report is anonymous. Nothing that identifies the reporter was kept.',
    'handling.identity.confidential':
      "This report is confidential. The reporter's identity is encrypted separately. Ask for it only if you need it to handle the report: your reason is recorded.",
    'handling.identity.reason': 'Why do you need the identity?',
    'handling.identity.reason_hint': 'At least 10 characters. Your reason goes into the audit log.',
    'handling.identity.reveal': 'Show the identity',
    'handling.identity.revealed_warning':
      "You see the identity on this page only. Do not share it without the reporter's consent. That you asked for it was recorded.",
    'handling.identity.name': 'Name',
    'handling.identity.contact': 'Contact details',

    'handling.ack.title': 'Acknowledge receipt',
    'handling.ack.lead':
      "The acknowledgement appears in the reporter's mailbox. The feedback deadline becomes three months from today.",
    'handling.ack.text': 'Message to the reporter',
    'handling.ack.text_hint': 'You may change the text. Do not name anyone involved.',
    'handling.ack.default_text':
      'Dear reporter,\n\nWe have received your report. It is handled confidentially by the competent handlers.\n\nWithin three months we will let you know what is done with your report. Meanwhile you can send us messages and files through this mailbox.\n\nKind regards,\nThe Integrity Desk',
    'handling.ack.submit': 'Acknowledge receipt',

    'handling.not_ack.title': 'Send no acknowledgement',
    'handling.not_ack.reason': 'Why do you send no acknowledgement?',
    'handling.not_ack.reason_hint': 'The reason is recorded. This can be done once.',
    'handling.not_ack.hint_reporter_objected': 'The reporter gets no message: they asked for that.',
    'handling.not_ack.hint_would_endanger_identity':
      'The reporter gets no message and no e-mail: any message could give them away.',
    'handling.not_ack.hint_already_closed':
      'The reporter gets the message below at once, and the report is closed.',
    'handling.not_ack.text': 'Message to the reporter',
    'handling.not_ack.text_hint': 'Only sent when the report was already closed.',
    'handling.not_ack.default_text':
      'Dear reporter,\n\nWe have received your report. The facts you report were dealt with before, and that handling is closed. We therefore close your report as well.\n\nKind regards,\nThe Integrity Desk',
    'handling.not_ack.submit': 'Record the reason',

    'handling.message.title': 'Message to the reporter',
    'handling.message.text': 'Message',
    'handling.message.text_hint':
      'The reporter sees "Integrity Desk" as the sender, not your name. Your colleagues see that you wrote it.',
    'handling.message.strip_legend': 'Metadata',
    'handling.message.strip': 'Remove metadata (such as location and device) from photos',
    'handling.message.strip_hint': 'For JPEG, PNG and WebP images.',
    'handling.message.files': 'Add files',
    'handling.message.files_hint':
      'Documents, images, sound or video. No programs. Choose the files again if the form shows an error.',
    'handling.message.submit': 'Send the message',

    'handling.minutes.title': 'Add minutes of a conversation',
    'handling.minutes.lead':
      'For a meeting or call with the reporter about this report. The reporter can read the minutes and sign them or propose corrections.',
    'handling.minutes.lead_supersede':
      'For a meeting or call with the reporter. Earlier minutes still wait for the reporter: the new ones replace them.',
    'handling.minutes.text': 'Minutes',
    'handling.minutes.text_hint': 'Record what the reporter said, as faithfully as you can.',
    'handling.minutes.submit': 'Add the minutes',
    'handling.minutes.status_awaiting_signature': 'Awaiting signature',
    'handling.minutes.status_signed': 'Signed',
    'handling.minutes.status_corrections_proposed': 'Corrections proposed',
    'handling.minutes.status_superseded': 'Replaced',

    'handling.forward.title': 'Forward to another channel',
    'handling.forward.lead':
      "For a report that does not belong to this channel. The other channel's handlers get access, this channel's lose it (you too, unless you handle that channel as well). The reporter is told which channel it went to.",
    'handling.forward.none': 'There is no other active channel.',
    'handling.forward.channel': 'Channel',
    'handling.forward.choose': 'Choose a channel',
    'handling.forward.submit': 'Forward',
    'handling.forward.reporter_text': 'Your report was forwarded to the competent channel: {channel}.',

    'handling.recuse.title': 'Recuse myself',
    'handling.recuse.lead':
      'If you are involved yourself or have a conflict of interest. You lose access to this report; that is recorded.',
    'handling.recuse.start': 'Recuse myself',
    'handling.recuse.confirm_title': 'Do you want to recuse yourself from this report?',
    'handling.recuse.confirm_body':
      'You lose access to this report at once and no longer see it in your list. Your colleagues are told. You cannot undo this yourself.',
    'handling.recuse.confirm': 'Yes, recuse me',
    'handling.recuse.cancel': 'No, back to the report',

    'handling.access.title': 'Who has access',
    'handling.access.you': '(you)',
    'handling.access.pending': 'no access yet',
    'handling.access.pending_title': 'No access yet',
    'handling.access.grant_lead':
      'These colleagues are entitled to the report but cannot read it yet. Grant access only to someone not involved in the facts: the reporter could not exclude people added to the channel later. That you granted access is recorded.',
    'handling.access.grant': 'Grant access',
    'handling.access.grant_to': 'to {name}',
    'handling.access.no_keys': '(no key pair yet: must log in once first)',
    'handling.access.excluded': '{n} handler(s) of this channel were excluded by the reporter.',
    'handling.access.recused': '{n} handler(s) recused themselves.',

    'handling.pending.title': 'Report {reference}',
    'handling.pending.title_short': 'No access yet',
    'handling.pending.body':
      'You have no access to this report yet; a colleague who has access can grant it.',
    'handling.pending.recuse_lead':
      'Are you involved in the facts or do you have a conflict of interest? Then recuse yourself: you get no access and no longer see the report. That is recorded.',

    'handling.unreadable.title': 'This report cannot be decrypted',
    'handling.unreadable.body':
      'The stored data of this report do not match your key, or they were damaged. Nothing was changed. Tell the application manager.',
    'handling.unreadable.reference': 'Reference for the manager: {id}',

    'handling.notice.acknowledged': 'Receipt is acknowledged. The reporter sees it in the mailbox.',
    'handling.notice.not_acknowledged': 'The reason is recorded. The reporter was not sent a message.',
    'handling.notice.not_acknowledged_told': 'The reason is recorded and the reporter was sent your message.',
    'handling.notice.message_sent': 'Your message was sent.',
    'handling.notice.minutes_added': 'The minutes were added. The reporter can read and sign them.',
    'handling.notice.forwarded': 'The report was forwarded. You handle the new channel too.',
    'handling.notice.forwarded_away':
      'The report was forwarded to the other channel. You no longer have access to it.',
    'handling.notice.recused': 'You recused yourself. You no longer have access to that report.',
    'handling.notice.access_granted': 'Access was granted. Your colleague can read the report now.',

    'handling.refusal.already_acknowledged': 'Receipt of this report was acknowledged already.',
    'handling.refusal.already_recorded':
      'An acknowledgement or a reason was recorded for this report already.',
    'handling.refusal.not_confidential': 'Only the identity of a confidential report can be asked for.',
    'handling.refusal.changed': 'The report was changed meanwhile. Look at it again.',
    'handling.refusal.no_keys':
      'Nobody in that channel can open the report: its handlers have no key pair yet. Choose another channel or ask the administrator for help.',
    'handling.refusal.last_reader':
      'You are the only one who can open this report. Grant a colleague access or forward the report first, or ask the administrator to add another handler to the channel.',
    'handling.refusal.grant_not_entitled':
      'That person is not entitled to this report (not a handler of this channel, excluded or recused). Nothing was changed.',
    'handling.refusal.grant_no_keys':
      'That person has no key pair yet. Ask them to log in once first. Nothing was changed.',
    'handling.refusal.grant_already': 'That person has access to this report already.',
    'handling.refusal.channel_unavailable': 'That channel cannot receive reports at the moment.',
    'handling.refusal.same_channel': 'The report is in that channel already.',
    'handling.refusal.replayed':
      'This form was sent already. Look at the list of reports to see what was registered.',

    'handling.error.too_long': 'The text is too long.',
    'handling.error.bad_characters': 'The text contains a character that is not allowed.',
    'handling.error.bad_choice': 'Choose one of the options.',
    'handling.error.ack_text_required': 'Write a message for the reporter.',
    'handling.error.reason_required': 'Choose a reason.',
    'handling.error.not_ack_text_required': 'Write a message for the reporter.',
    'handling.error.message_required': 'Write a message.',
    'handling.error.minutes_required': 'Write the minutes.',
    'handling.error.summary_required': 'Summarise the report.',
    'handling.error.channel_required': 'Choose a channel.',
    'handling.error.reveal_reason_required': 'Give a reason of at least 10 characters.',
    'handling.error.identity_mode_required': 'Choose how the reporter wants to be known.',
    'handling.error.identity_name_required': "Give the reporter's name, or choose anonymous.",
    'handling.error.anonymous_identity':
      'An anonymous report has no name or contact details. Empty those fields, or choose confidential.',
    'handling.error.notify_invalid': 'Give a valid e-mail address, or leave the field empty.',
    'handling.error.bad_exclusion': 'You can only exclude colleagues of this channel, not yourself.',
    'handling.error.too_many_files': 'You cannot send that many files at once.',
    'handling.error.file_too_large': 'A file is too large.',
    'handling.error.file_empty': 'A file is empty.',
    'handling.error.file_executable': 'Programs and scripts cannot be sent.',
    'handling.error.file_type': 'This kind of file is not accepted.',
    'handling.error.upload_failed': 'The files could not be read. Please try again.',

    'handling.oral.start': 'Register an oral report',
    'handling.oral.title': 'Register an oral report',
    'handling.oral.lead':
      'For a report made in a meeting or on the phone. First choose the channel you register it in.',
    'handling.oral.no_channels': 'You do not handle any active channel.',
    'handling.oral.channel': 'Channel',
    'handling.oral.continue': 'Continue',
    'handling.oral.other_channel': 'Choose another channel',
    'handling.oral.form_lead':
      'Register the report as the reporter made it, and the minutes of the conversation. The reporter gets a receipt code with which they can read and sign the minutes.',
    'handling.oral.category_none': 'No category',
    'handling.oral.identity_hint': 'Not for an anonymous report.',
    'handling.oral.contact_hint':
      'Phone number or address, if the reporter wishes. Not for an anonymous report.',
    'handling.oral.notify': 'E-mail address to notify the reporter',
    'handling.oral.notify_hint':
      'Only if the reporter explicitly wants it. The e-mails never contain anything of the report.',
    'handling.oral.excluded': 'Colleagues who must not see the report',
    'handling.oral.excluded_hint':
      'Whoever the reporter says is involved in the facts. They see the report nowhere.',
    'handling.oral.summary_hint': 'What the reporter reports, in short.',
    'handling.oral.minutes_hint':
      'The minutes of the conversation. The reporter can read them and sign them or propose corrections.',
    'handling.oral.submit': 'Register the report',
    'handling.oral.receipt_title': 'Receipt code for the reporter',
    'handling.oral.receipt_registered': 'Report {reference} is registered.',
    'handling.oral.receipt_intro': 'Give the reporter this receipt code:',
    'handling.oral.receipt_once':
      'The code is shown only once. Nobody can ask for it again later, not even you.',
    'handling.oral.receipt_in_person':
      'Hand it over in person (on paper or read out), not by e-mail or in a message others can read. Keep no copy yourself.',
    'handling.oral.receipt_only_key':
      'With the code the reporter reads the minutes and messages on the page "Follow up my report". It is the reporter\'s only key to the report.',
    'handling.oral.receipt_to_report': 'To the report',
  },
);
