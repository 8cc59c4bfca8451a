import { defineMessages } from '../define.js';

/** The reporter's way in: which way to go, the report form, review and receipt (src/reporting/submit). */
export const reportingSubmitMessages = defineMessages(
  {
    // /report — which way to go
    'submit.link_from_public': 'Een melding maken: kies de weg die bij u past',
    'submit.start.title': 'Een melding maken',
    'submit.start.lead':
      'Vermoedt u een integriteitsschending bij de overheid, zoals fraude, corruptie, belangenvermenging of misbruik van middelen of macht? Hier leest u welke weg bij uw situatie past, hoe u beschermd bent en hoe u veilig meldt, ook anoniem.',
    'submit.start.routes_heading': 'Welke weg past bij uw situatie?',
    'submit.start.routes_intro':
      'U kiest zelf. Vaak is de kortste weg de beste, maar vindt u die niet veilig of helpt ze niet, dan zet u meteen een verdere stap.',
    'submit.start.route_colleague_title': 'De collega aanspreken',
    'submit.start.route_colleague':
      'Gaat het om het gedrag van een collega en kan het veilig? Spreek hem of haar erop aan. Vaak is dat genoeg om iets recht te zetten.',
    'submit.start.route_manager_title': 'Naar uw leidinggevende gaan',
    'submit.start.route_manager':
      'Bespreek het met uw leidinggevende. Die moet optreden en kan de melding in lijn doorgeven aan het interne meldkanaal.',
    'submit.start.route_counselor_title': 'Vertrouwelijk praten met een vertrouwenspersoon',
    'submit.start.route_counselor':
      'Twijfelt u, of wilt u eerst advies? Een vertrouwenspersoon of Spreekbuis luistert vertrouwelijk, legt uit welke mogelijkheden u hebt en helpt u kiezen. Uw identiteit wordt niet zonder uw toestemming doorgegeven.',
    'submit.start.route_internal_title': 'Melden bij het interne meldkanaal',
    'submit.start.route_internal':
      'Meld online bij de integriteitsunit, of voor fraude en corruptie rechtstreeks bij Audit Vlaanderen: met naam, vertrouwelijk of anoniem.',
    'submit.start.route_internal_link': 'Kies een meldkanaal',
    'submit.start.route_external_title': 'Extern melden bij de Vlaamse Ombudsdienst',
    'submit.start.route_external':
      'U kunt ook extern melden, bij de Vlaamse Ombudsdienst, bijvoorbeeld als u intern geen vertrouwen hebt of intern melden niet helpt.',
    'submit.start.route_external_link': 'Contactgegevens van de Vlaamse Ombudsdienst',
    'submit.start.channels_heading': 'Online melden',
    'submit.start.channels_intro':
      'Kies het kanaal dat bij uw melding past. Twijfelt u? Kies dan de integriteitsunit: een melding die bij een ander kanaal hoort, wordt snel doorgestuurd en u wordt daarvan op de hoogte gebracht.',
    'submit.start.channel_link': 'Melden bij {name}',
    'submit.start.channel_staff': 'Bedoeld voor personeelsleden. U hoeft zich niet aan te melden.',
    'submit.start.channel_unavailable': 'Dit kanaal kan op dit moment geen meldingen ontvangen.',
    'submit.start.no_channels':
      'Er is op dit moment geen online meldkanaal beschikbaar. U kunt wel extern melden bij de Vlaamse Ombudsdienst.',
    'submit.start.receipt_note':
      'Na het versturen krijgt u een ontvangstcode van 16 cijfers. Daarmee volgt u uw melding op, ook als u anoniem meldt. Noteer ze goed: niemand kan ze u opnieuw geven.',
    'submit.start.external_heading': 'Extern melden: de Vlaamse Ombudsdienst',
    'submit.start.external_intro':
      'De Vlaamse Ombudsdienst is het externe meldkanaal voor integriteitsschendingen bij de Vlaamse overheid. U kunt er terecht zonder eerst intern te melden.',
    'submit.start.external_name': 'Vlaamse Ombudsdienst',
    'submit.start.external_address_label': 'Adres',
    'submit.start.external_address': 'Leuvenseweg 86, 1000 Brussel',
    'submit.start.external_phone_label': 'Telefoon',
    'submit.start.external_phone': 'Gratis nummer 0800 240 50',
    'submit.start.external_email_label': 'E-mail',
    'submit.start.external_email': 'klachten@vlaamseombudsdienst.be',
    'submit.start.external_website_label': 'Website',
    'submit.start.external_website': 'www.vlaamseombudsdienst.be',
    'submit.start.external_1700':
      'Weet u niet goed waar u terechtkunt? Bel gratis 1700, de informatielijn van de overheid.',
    'submit.start.identity_heading': 'Anoniem, vertrouwelijk of met naam',
    'submit.start.identity_intro': 'In het formulier kiest u hoe u meldt:',
    'submit.start.duty_heading': 'Uw meldingsplicht',
    'submit.start.duty':
      'Bent u personeelslid en stelt u onregelmatigheden vast? Dan moet u uw functionele chef daarvan onmiddellijk op de hoogte brengen, of rechtstreeks Audit Vlaanderen.',
    'submit.start.duty_crime':
      'Kan het om een misdrijf gaan? Dan moet de overheid het openbaar ministerie meteen inlichten (artikel 29 van het Wetboek van Strafvordering). Het formulier vraagt daarom of het om een misdrijf kan gaan.',
    'submit.start.protection_heading': 'Bescherming tegen represailles',
    'submit.start.protection_retaliation':
      'Represailles tegen wie meldt zijn verboden, zonder beperking in de tijd: ontslag, degradatie, een andere opdracht, een negatieve evaluatie, intimidatie en dergelijke.',
    'submit.start.protection_burden':
      'Wordt u na een melding toch benadeeld, dan moet uw werkgever bewijzen dat dat niets met uw melding te maken heeft.',
    'submit.start.protection_identity':
      'Uw identiteit, en alles waaruit men ze kan afleiden, blijft vertrouwelijk.',
    'submit.start.protection_involved':
      'Niemand die bij de feiten betrokken is, behandelt uw melding. In het formulier kunt u zelf aanduiden wie uw melding niet mag zien.',
    'submit.start.protection_clocks':
      'Elke melding wordt geregistreerd. U krijgt binnen 7 dagen een ontvangstbevestiging en binnen 3 maanden terugkoppeling.',
    'submit.start.follow_up_heading': 'Al een melding gedaan?',
    'submit.start.follow_up':
      'Met uw ontvangstcode leest u hoe het met uw melding staat en wat de behandelaar u schreef, en kunt u antwoorden of bestanden toevoegen.',
    'submit.start.follow_up_link': 'Mijn melding opvolgen',

    // /report/channel/:slug — the form
    'submit.form.caption': 'Een melding maken',
    'submit.form.title': 'Melden bij {channel}',
    'submit.form.staff_note':
      'Dit kanaal is bedoeld voor personeelsleden. U hoeft zich niet aan te melden, en uw melding wordt nooit aan een account gekoppeld.',
    'submit.form.safety':
      'Wat u hier invult, wordt pas bewaard als u op de volgende pagina op "Melding versturen" klikt, en dan versleuteld: alleen de behandelaars van dit kanaal kunnen het lezen. Tot dan houden we het hoogstens 60 minuten in het geheugen. Wilt u anoniem blijven, gebruik dan liefst een toestel en een netwerk die niet van uw werkgever zijn.',
    'submit.form.steps':
      'U vult het formulier in, controleert alles op de volgende pagina en verstuurt het dan.',
    'submit.form.identity_heading': 'Wie meldt?',
    'submit.form.identity_legend': 'Hoe wilt u melden?',
    'submit.form.name_label': 'Uw naam',
    'submit.form.name_hint':
      'Alleen als u vertrouwelijk of met naam meldt. Bij een anonieme melding wordt dit veld niet bewaard.',
    'submit.form.contact_label': 'Hoe kunnen we u bereiken?',
    'submit.form.contact_hint':
      'Een telefoonnummer, e-mailadres of postadres. Alleen als u vertrouwelijk of met naam meldt.',
    'submit.form.category_legend': 'Waarover gaat uw melding?',
    'submit.form.category_unknown': 'Ik weet het niet',
    'submit.form.questions_heading': 'Uw melding',
    'submit.form.date_hint': 'Bijvoorbeeld 31/03/2026.',
    'submit.form.yes': 'Ja',
    'submit.form.no': 'Nee',
    'submit.form.exclude_heading': 'Wie mag uw melding niet zien?',
    'submit.form.exclude_legend': 'Deze ontvangers mogen mijn melding niet zien',
    'submit.form.exclude_hint':
      'Deze mensen ontvangen de meldingen van dit kanaal. Is iemand van hen bij de feiten betrokken, of wilt u om een andere reden niet dat die persoon uw melding ziet? Duid hem of haar aan. Die persoon ziet uw melding dan nergens: niet in lijsten of tellingen, en krijgt er geen bericht over.',
    'submit.form.notify_heading': 'Op de hoogte blijven',
    'submit.form.notify_label': 'E-mailadres voor een seintje als er nieuws is',
    'submit.form.notify_hint':
      'We sturen naar dit adres alleen het bericht dat er nieuws is, nooit inhoud. Het adres wordt versleuteld bewaard; alleen wie uw melding behandelt, kan het lezen. Wilt u anoniem blijven? Een e-mailadres kan u verraden: gebruik dan een adres zonder uw naam, of laat dit leeg en kijk zelf geregeld met uw ontvangstcode.',
    'submit.form.files_heading': 'Bestanden',
    'submit.form.attachments_label': 'Bijlagen',
    'submit.form.files_hint':
      'Tot {max} bestanden, elk hoogstens {size} MB: pdf, foto (jpg, png, gif, webp, heic), tekst en csv, Word-, Excel-, PowerPoint- en OpenDocument-bestanden, e-mails (eml), geluid en video (mp3, m4a, wav, ogg, mp4, mov). Programma’s en scripts worden geweigerd.',
    'submit.form.kept_files_legend': 'Bestanden die u al toevoegde',
    'submit.form.kept_files_hint':
      'Deze bestanden zijn bewaard; u hoeft ze niet opnieuw te kiezen. Vink aan wat u wilt verwijderen.',
    'submit.form.remove_file': '{name} ({size}) verwijderen',
    'submit.form.strip_legend': 'Verborgen gegevens in foto’s',
    'submit.form.strip_option': 'Verwijder verborgen gegevens (locatie, toestel, tijdstip) uit foto’s',
    'submit.form.strip_hint':
      'Foto’s bevatten vaak verborgen gegevens, zoals de plaats waar ze genomen zijn en met welk toestel. Die kunnen u verraden. Dit werkt voor jpg, png en webp; andere bestanden blijven zoals ze zijn.',
    'submit.form.honeypot_label': 'Laat dit veld leeg',
    'submit.form.continue': 'Verder naar controleren',
    'submit.form.version_changed':
      'De vragen van dit kanaal zijn intussen gewijzigd. Wat u invulde bij vragen die nog bestaan, staat hieronder. Kijk alles na en ga dan verder.',
    'submit.form.back_to_start': 'Terug naar "Een melding maken"',
    'submit.unavailable.title': 'Dit kanaal kan nu geen meldingen ontvangen',
    'submit.unavailable.text':
      'Kies een ander kanaal op de pagina "Een melding maken", of meld extern bij de Vlaamse Ombudsdienst.',

    // errors
    'submit.error.summary_item': '{label}: {message}',
    'submit.error.identity_required': 'Kies hoe u wilt melden: anoniem, vertrouwelijk of met naam.',
    'submit.error.name_required': 'Vul uw naam in, of kies "Anoniem".',
    'submit.error.contact_required': 'Vul in hoe we u kunnen bereiken, of kies "Anoniem".',
    'submit.error.too_long': 'Dit antwoord is langer dan toegelaten. Maak het korter.',
    'submit.error.invalid_text':
      'Dit antwoord bevat tekens die we niet kunnen bewaren. Verwijder ze en probeer opnieuw.',
    'submit.error.answer_required': 'Beantwoord deze vraag.',
    'submit.error.choose_one': 'Kies een antwoord.',
    'submit.error.choose_at_least_one': 'Kies minstens één antwoord.',
    'submit.error.option_invalid': 'Kies een van de getoonde antwoorden.',
    'submit.error.date_required': 'Vul een datum in.',
    'submit.error.date_invalid': 'Vul een datum in die bestaat, bijvoorbeeld 31/03/2026.',
    'submit.error.file_required': 'Voeg minstens één bestand toe.',
    'submit.error.category_required': 'Kies waarover uw melding gaat, of "Ik weet het niet".',
    'submit.error.category_invalid': 'Kies een van de getoonde onderwerpen.',
    'submit.error.exclusion_invalid': 'Duid alleen mensen uit de getoonde lijst aan.',
    'submit.error.excluded_everyone':
      'Zo blijft er niemand over die uw melding kan lezen. Sluit minder mensen uit, of meld bij een ander kanaal, bijvoorbeeld de Vlaamse Ombudsdienst.',
    'submit.error.email_invalid':
      'Vul een geldig e-mailadres in, zoals naam@voorbeeld.be, of laat het veld leeg.',
    'submit.error.honeypot':
      'Dit veld moet leeg blijven: het houdt robots tegen. Maak het leeg en ga verder.',
    'submit.error.unavailable': 'Dit kanaal kan op dit moment geen meldingen ontvangen.',
    'submit.error.files_field': 'Niet elk bestand werd aanvaard. Bekijk de uitleg bovenaan.',
    'submit.error.file_executable':
      '{name} is een programma of script en wordt niet aanvaard. Stuur liever een pdf of een schermafbeelding.',
    'submit.error.file_type':
      '{name} wordt niet aanvaard: dit soort bestand kunnen we niet aannemen. Aanvaard zijn pdf, foto’s, tekst, kantoordocumenten, e-mails, geluid en video.',
    'submit.error.file_empty': '{name} is leeg.',
    'submit.error.file_too_large': 'Een bestand is groter dan {size} MB en werd niet aanvaard.',
    'submit.error.too_many_files':
      'U kunt hoogstens {max} bestanden toevoegen; niet elk bestand werd aanvaard.',
    'submit.error.files_memory':
      'We kunnen nu geen bestanden meer aannemen. Verstuur uw melding zonder deze bestanden en voeg ze later toe via "Mijn melding opvolgen", of probeer het over enkele minuten opnieuw.',
    'submit.error.form_incomplete':
      'Het formulier kwam niet volledig aan. Kijk uw antwoorden na en probeer opnieuw.',

    // throttles
    'submit.throttle.title': 'Even geduld',
    'submit.throttle.form':
      'U hebt het formulier in korte tijd erg vaak verstuurd. Wacht {minutes} minuten en probeer het dan opnieuw. Wat u invulde, staat hieronder nog.',
    'submit.throttle.send':
      'Vanaf deze verbinding werden het afgelopen uur al veel meldingen verstuurd. Wacht {minutes} minuten en verstuur dan opnieuw. Uw melding blijft tot 60 minuten na uw laatste wijziging in het geheugen bewaard.',
    'submit.throttle.global':
      'Er worden op dit moment erg veel meldingen verstuurd. Wacht een minuut en verstuur dan opnieuw. Uw melding blijft zolang bewaard.',
    'submit.throttle.retry': 'Terug naar het nakijken',

    // /report/channel/:slug/review
    'submit.review.title': 'Kijk uw melding na',
    'submit.review.lead':
      'Er is nog niets verstuurd. Kijk alles na; klopt er iets niet, kies dan "Wijzigen".',
    'submit.review.details_heading': 'Over uw melding',
    'submit.review.channel': 'Kanaal',
    'submit.review.identity': 'Hoe u meldt',
    'submit.review.name': 'Naam',
    'submit.review.contact': 'Bereikbaar via',
    'submit.review.category': 'Onderwerp',
    'submit.review.answers_heading': 'Uw antwoorden',
    'submit.review.not_answered': 'Niet beantwoord',
    'submit.review.files': 'Bestanden',
    'submit.review.no_files': 'Geen',
    'submit.review.file_entry': '{name} ({size})',
    'submit.review.strip': 'Verborgen gegevens in foto’s',
    'submit.review.strip_yes': 'Worden verwijderd',
    'submit.review.strip_no': 'Worden niet verwijderd',
    'submit.review.excluded': 'Mogen uw melding niet zien',
    'submit.review.excluded_none': 'Niemand uitgesloten',
    'submit.review.notify': 'E-mail voor een seintje',
    'submit.review.notify_none': 'Geen',
    'submit.review.send_heading': 'Versturen',
    'submit.review.send_text':
      'Na het versturen krijgt u meteen uw ontvangstcode. Die wordt maar één keer getoond: zorg dat u ze kunt noteren.',
    'submit.review.send': 'Melding versturen',
    'submit.review.change_all': 'Iets wijzigen',

    // the receipt (answer to "send")
    'submit.receipt.title': 'Uw melding is verstuurd',
    'submit.receipt.code_label': 'Uw ontvangstcode',
    'submit.receipt.digits': 'Cijfer per cijfer: {digits}',
    'submit.receipt.write_down': 'Noteer deze code nu en bewaar ze op een veilige plek.',
    'submit.receipt.only_key':
      'De code is de enige sleutel tot uw melding: wie ze heeft, kan uw melding en de berichten lezen. Geef ze aan niemand.',
    'submit.receipt.shown_once':
      'We bewaren de code niet en kunnen ze niet opnieuw tonen of herstellen. Deze pagina toont ze maar één keer; ga niet terug en ververs de pagina niet voor u ze noteerde.',
    'submit.receipt.not_at_work':
      'Wilt u anoniem blijven, bewaar de code dan niet op een toestel of in een mailbox van uw werk.',
    'submit.receipt.next_heading': 'Wat gebeurt er nu?',
    'submit.receipt.received': 'Ontvangen op {date}.',
    'submit.receipt.ack_due': 'U krijgt uiterlijk op {date} een ontvangstbevestiging op uw opvolgpagina.',
    'submit.receipt.feedback_due':
      'U krijgt terugkoppeling over wat er met uw melding gebeurt binnen drie maanden na de ontvangstbevestiging, uiterlijk op {date}.',
    'submit.receipt.notify':
      'Is er nieuws, dan sturen we een kort bericht zonder inhoud naar het e-mailadres dat u opgaf.',
    'submit.receipt.follow_up': 'Volg uw melding op met uw ontvangstcode:',
    'submit.receipt.follow_up_link': 'Mijn melding opvolgen',

    // a draft that is gone
    'submit.expired.title': 'Deze melding is al verstuurd of verlopen',
    'submit.expired.text':
      'We vinden geen melding om te versturen. Ofwel is ze al verstuurd (de ontvangstcode werd dan één keer getoond), ofwel bleef het formulier langer dan 60 minuten onaangeroerd of werd de dienst intussen herstart. Een onvolledige melding wordt nooit bewaard.',
    'submit.expired.again': 'Een nieuwe melding maken',
    'submit.expired.busy':
      'Deze melding wordt op dit moment verstuurd. Klik niet opnieuw; wacht op de pagina met uw ontvangstcode.',
  },
  {
    'submit.link_from_public': 'Make a report: choose the route that suits you',
    'submit.start.title': 'Make a report',
    'submit.start.lead':
      'Do you suspect an integrity violation in the government, such as fraud, corruption, a conflict of interest or misuse of resources or power? Here you read which route fits your situation, how you are protected and how to report safely, also anonymously.',
    'submit.start.routes_heading': 'Which route fits your situation?',
    'submit.start.routes_intro':
      'The choice is yours. The shortest route is often the best, but if it does not feel safe or does not help, you can take a further step straight away.',
    'submit.start.route_colleague_title': 'Address the colleague',
    'submit.start.route_colleague':
      'Is it about a colleague’s behaviour, and is it safe to do so? Talk to them about it. That is often enough to put something right.',
    'submit.start.route_manager_title': 'Go to your manager',
    'submit.start.route_manager':
      'Discuss it with your manager, who must act and can pass the report on to the internal channel.',
    'submit.start.route_counselor_title': 'Talk in confidence to a confidential counsellor',
    'submit.start.route_counselor':
      'In doubt, or want advice first? A confidential counsellor or Spreekbuis listens in confidence, explains your options and helps you choose. Your identity is not passed on without your consent.',
    'submit.start.route_internal_title': 'Report to the internal channel',
    'submit.start.route_internal':
      'Report online to the integrity unit, or for fraud and corruption directly to Audit Vlaanderen (the Flemish internal audit agency): named, confidentially or anonymously.',
    'submit.start.route_internal_link': 'Choose a reporting channel',
    'submit.start.route_external_title': 'Report externally to the Flemish Ombudsman’s Service',
    'submit.start.route_external':
      'You can also report externally, to the Flemish Ombudsman’s Service (Vlaamse Ombudsdienst), for example if you do not trust the internal route or it does not help.',
    'submit.start.route_external_link': 'Contact details of the Flemish Ombudsman’s Service',
    'submit.start.channels_heading': 'Report online',
    'submit.start.channels_intro':
      'Choose the channel that fits your report. In doubt? Choose the integrity unit: a report that belongs to another channel is forwarded quickly, and you are told.',
    'submit.start.channel_link': 'Report to {name}',
    'submit.start.channel_staff': 'Meant for staff. You do not need to log in.',
    'submit.start.channel_unavailable': 'This channel cannot receive reports at the moment.',
    'submit.start.no_channels':
      'No online reporting channel is available at the moment. You can report externally to the Flemish Ombudsman’s Service.',
    'submit.start.receipt_note':
      'After sending you get a 16-digit receipt code. With it you follow up your report, also when you report anonymously. Write it down carefully: nobody can give it to you again.',
    'submit.start.external_heading': 'Reporting externally: the Flemish Ombudsman’s Service',
    'submit.start.external_intro':
      'The Flemish Ombudsman’s Service (Vlaamse Ombudsdienst) is the external reporting channel for integrity violations in the Flemish government. You can turn to it without reporting internally first.',
    'submit.start.external_name': 'Vlaamse Ombudsdienst (Flemish Ombudsman’s Service)',
    'submit.start.external_address_label': 'Address',
    'submit.start.external_address': 'Leuvenseweg 86, 1000 Brussels, Belgium',
    'submit.start.external_phone_label': 'Phone',
    'submit.start.external_phone': 'Free number 0800 240 50',
    'submit.start.external_email_label': 'E-mail',
    'submit.start.external_email': 'klachten@vlaamseombudsdienst.be',
    'submit.start.external_website_label': 'Website',
    'submit.start.external_website': 'www.vlaamseombudsdienst.be',
    'submit.start.external_1700':
      'Not sure where to turn? Call 1700 free of charge, the government’s information line.',
    'submit.start.identity_heading': 'Anonymous, confidential or named',
    'submit.start.identity_intro': 'In the form you choose how you report:',
    'submit.start.duty_heading': 'Your duty to report',
    'submit.start.duty':
      'Are you a member of staff and do you notice irregularities? Then you must inform your functional chief immediately, or Audit Vlaanderen directly.',
    'submit.start.duty_crime':
      'Could it be a crime or offence? Then the government must inform the public prosecutor at once (article 29 of the Code of Criminal Procedure). That is why the form asks whether it could be a crime.',
    'submit.start.protection_heading': 'Protection against retaliation',
    'submit.start.protection_retaliation':
      'Retaliation against those who report is forbidden, without time limit: dismissal, demotion, a transfer of duties, a negative evaluation, intimidation and the like.',
    'submit.start.protection_burden':
      'If you are nevertheless put at a disadvantage after a report, your employer must prove that it has nothing to do with your report.',
    'submit.start.protection_identity':
      'Your identity, and anything from which it could be deduced, stays confidential.',
    'submit.start.protection_involved':
      'Nobody involved in the facts handles your report. In the form you can mark yourself who must not see your report.',
    'submit.start.protection_clocks':
      'Every report is recorded. You receive an acknowledgement within 7 days and feedback within 3 months.',
    'submit.start.follow_up_heading': 'Already made a report?',
    'submit.start.follow_up':
      'With your receipt code you read how your report is going and what the handler wrote to you, and you can answer or add files.',
    'submit.start.follow_up_link': 'Follow up my report',

    'submit.form.caption': 'Make a report',
    'submit.form.title': 'Report to {channel}',
    'submit.form.staff_note':
      'This channel is meant for staff. You do not need to log in, and your report is never linked to an account.',
    'submit.form.safety':
      'What you fill in here is only stored when you click "Send report" on the next page, and then encrypted: only the handlers of this channel can read it. Until then we keep it in memory for at most 60 minutes. If you want to stay anonymous, preferably use a device and a network that do not belong to your employer.',
    'submit.form.steps': 'You fill in the form, check everything on the next page, and then send it.',
    'submit.form.identity_heading': 'Who is reporting?',
    'submit.form.identity_legend': 'How do you want to report?',
    'submit.form.name_label': 'Your name',
    'submit.form.name_hint':
      'Only if you report confidentially or named. For an anonymous report this field is not kept.',
    'submit.form.contact_label': 'How can we reach you?',
    'submit.form.contact_hint':
      'A phone number, e-mail address or postal address. Only if you report confidentially or named.',
    'submit.form.category_legend': 'What is your report about?',
    'submit.form.category_unknown': 'I do not know',
    'submit.form.questions_heading': 'Your report',
    'submit.form.date_hint': 'For example 31/03/2026.',
    'submit.form.yes': 'Yes',
    'submit.form.no': 'No',
    'submit.form.exclude_heading': 'Who must not see your report?',
    'submit.form.exclude_legend': 'These recipients must not see my report',
    'submit.form.exclude_hint':
      'These people receive the reports of this channel. Is one of them involved in the facts, or do you for another reason not want that person to see your report? Mark them. That person then meets your report nowhere: not in lists or counts, and gets no message about it.',
    'submit.form.notify_heading': 'Staying informed',
    'submit.form.notify_label': 'E-mail address for a notice when there is news',
    'submit.form.notify_hint':
      'We only ever send this address the message that there is news, never content. The address is stored encrypted; only those handling your report can read it. Want to stay anonymous? An e-mail address can give you away: use one without your name, or leave this empty and check regularly with your receipt code.',
    'submit.form.files_heading': 'Files',
    'submit.form.attachments_label': 'Attachments',
    'submit.form.files_hint':
      'Up to {max} files of at most {size} MB each: PDF, photos (jpg, png, gif, webp, heic), text and CSV, Word, Excel, PowerPoint and OpenDocument files, e-mails (eml), sound and video (mp3, m4a, wav, ogg, mp4, mov). Programs and scripts are refused.',
    'submit.form.kept_files_legend': 'Files you already added',
    'submit.form.kept_files_hint':
      'These files have been kept; you do not need to choose them again. Tick any you want to remove.',
    'submit.form.remove_file': 'Remove {name} ({size})',
    'submit.form.strip_legend': 'Hidden data in photos',
    'submit.form.strip_option': 'Remove hidden data (location, device, time) from photos',
    'submit.form.strip_hint':
      'Photos often contain hidden data, such as where they were taken and with which device. That can give you away. This works for jpg, png and webp; other files stay as they are.',
    'submit.form.honeypot_label': 'Leave this field empty',
    'submit.form.continue': 'Continue to check',
    'submit.form.version_changed':
      'The questions of this channel have changed in the meantime. What you filled in for questions that still exist is shown below. Check everything, then continue.',
    'submit.form.back_to_start': 'Back to "Make a report"',
    'submit.unavailable.title': 'This channel cannot receive reports now',
    'submit.unavailable.text':
      'Choose another channel on the "Make a report" page, or report externally to the Flemish Ombudsman’s Service.',

    'submit.error.summary_item': '{label}: {message}',
    'submit.error.identity_required': 'Choose how you want to report: anonymously, confidentially or named.',
    'submit.error.name_required': 'Enter your name, or choose "Anonymous".',
    'submit.error.contact_required': 'Enter how we can reach you, or choose "Anonymous".',
    'submit.error.too_long': 'This answer is longer than allowed. Make it shorter.',
    'submit.error.invalid_text':
      'This answer contains characters we cannot store. Remove them and try again.',
    'submit.error.answer_required': 'Answer this question.',
    'submit.error.choose_one': 'Choose an answer.',
    'submit.error.choose_at_least_one': 'Choose at least one answer.',
    'submit.error.option_invalid': 'Choose one of the answers shown.',
    'submit.error.date_required': 'Enter a date.',
    'submit.error.date_invalid': 'Enter a date that exists, for example 31/03/2026.',
    'submit.error.file_required': 'Add at least one file.',
    'submit.error.category_required': 'Choose what your report is about, or "I do not know".',
    'submit.error.category_invalid': 'Choose one of the subjects shown.',
    'submit.error.exclusion_invalid': 'Only mark people from the list shown.',
    'submit.error.excluded_everyone':
      'That leaves nobody who can read your report. Exclude fewer people, or report to another channel, for example the Flemish Ombudsman’s Service.',
    'submit.error.email_invalid':
      'Enter a valid e-mail address, like name@example.com, or leave the field empty.',
    'submit.error.honeypot': 'This field must stay empty: it stops robots. Empty it and continue.',
    'submit.error.unavailable': 'This channel cannot receive reports at the moment.',
    'submit.error.files_field': 'Not every file was accepted. See the explanation at the top.',
    'submit.error.file_executable':
      '{name} is a program or script and is not accepted. Send a PDF or a screenshot instead.',
    'submit.error.file_type':
      '{name} is not accepted: we cannot take this kind of file. Accepted are PDF, photos, text, office documents, e-mails, sound and video.',
    'submit.error.file_empty': '{name} is empty.',
    'submit.error.file_too_large': 'A file is larger than {size} MB and was not accepted.',
    'submit.error.too_many_files': 'You can add at most {max} files; not every file was accepted.',
    'submit.error.files_memory':
      'We cannot take any more files right now. Send your report without these files and add them later through "Follow up my report", or try again in a few minutes.',
    'submit.error.form_incomplete': 'The form did not arrive in full. Check your answers and try again.',

    'submit.throttle.title': 'Please wait',
    'submit.throttle.form':
      'You have sent the form very often in a short time. Wait {minutes} minutes, then try again. What you filled in is still below.',
    'submit.throttle.send':
      'Many reports have already been sent from this connection in the past hour. Wait {minutes} minutes, then send again. Your report is kept in memory until 60 minutes after your last change.',
    'submit.throttle.global':
      'A great many reports are being sent right now. Wait a minute, then send again. Your report is kept meanwhile.',
    'submit.throttle.retry': 'Back to checking',

    'submit.review.title': 'Check your report',
    'submit.review.lead':
      'Nothing has been sent yet. Check everything; if something is wrong, choose "Change".',
    'submit.review.details_heading': 'About your report',
    'submit.review.channel': 'Channel',
    'submit.review.identity': 'How you report',
    'submit.review.name': 'Name',
    'submit.review.contact': 'Reachable through',
    'submit.review.category': 'Subject',
    'submit.review.answers_heading': 'Your answers',
    'submit.review.not_answered': 'Not answered',
    'submit.review.files': 'Files',
    'submit.review.no_files': 'None',
    'submit.review.file_entry': '{name} ({size})',
    'submit.review.strip': 'Hidden data in photos',
    'submit.review.strip_yes': 'Will be removed',
    'submit.review.strip_no': 'Will not be removed',
    'submit.review.excluded': 'Must not see your report',
    'submit.review.excluded_none': 'Nobody excluded',
    'submit.review.notify': 'E-mail for a notice',
    'submit.review.notify_none': 'None',
    'submit.review.send_heading': 'Send',
    'submit.review.send_text':
      'After sending you get your receipt code at once. It is shown only once: make sure you can write it down.',
    'submit.review.send': 'Send report',
    'submit.review.change_all': 'Change something',

    'submit.receipt.title': 'Your report has been sent',
    'submit.receipt.code_label': 'Your receipt code',
    'submit.receipt.digits': 'Digit by digit: {digits}',
    'submit.receipt.write_down': 'Write this code down now and keep it in a safe place.',
    'submit.receipt.only_key':
      'The code is the only key to your report: whoever has it can read your report and the messages. Give it to nobody.',
    'submit.receipt.shown_once':
      'We do not keep the code and cannot show it again or recover it. This page shows it only once; do not go back or reload the page before you have written it down.',
    'submit.receipt.not_at_work':
      'If you want to stay anonymous, do not keep the code on a device or in a mailbox from work.',
    'submit.receipt.next_heading': 'What happens now?',
    'submit.receipt.received': 'Received on {date}.',
    'submit.receipt.ack_due':
      'You will get an acknowledgement of receipt on your follow-up page by {date} at the latest.',
    'submit.receipt.feedback_due':
      'You will get feedback on what is done with your report within three months of the acknowledgement, by {date} at the latest.',
    'submit.receipt.notify':
      'When there is news, we send a short message without any content to the e-mail address you gave.',
    'submit.receipt.follow_up': 'Follow up your report with your receipt code:',
    'submit.receipt.follow_up_link': 'Follow up my report',

    'submit.expired.title': 'This report has already been sent or has expired',
    'submit.expired.text':
      'We find no report to send. Either it has been sent already (the receipt code was then shown once), or the form was left untouched for more than 60 minutes, or the service was restarted meanwhile. An incomplete report is never stored.',
    'submit.expired.again': 'Make a new report',
    'submit.expired.busy':
      'This report is being sent right now. Do not click again; wait for the page with your receipt code.',
  },
);
