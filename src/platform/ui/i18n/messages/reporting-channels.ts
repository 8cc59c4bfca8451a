import { defineMessages } from '../define.js';

/** Administration of reporting channels, categories, recipients and questionnaires (src/reporting/channels). */
export const reportingChannelsMessages = defineMessages(
  {
    'channels.yes': 'Ja',
    'channels.no': 'Nee',
    'channels.move_up': 'Omhoog',
    'channels.move_down': 'Omlaag',
    'channels.column_actions': 'Acties',
    'channels.back_to_list': 'Terug naar de meldkanalen',
    'channels.back_to_channel': 'Terug naar {channel}',
    'channels.error_invalid_characters':
      'Deze tekst bevat tekens die niet toegelaten zijn (zoals een NUL-teken). Typ de tekst opnieuw zonder die tekens.',
    'channels.error_text_expected': 'Vul hier gewone tekst in.',
    'channels.error_move_direction': 'Kies of u omhoog of omlaag wilt verplaatsen.',

    'channels.status.active': 'Actief',
    'channels.status.inactive': 'Niet actief',
    'channels.audience.everyone': 'Iedereen',
    'channels.audience.everyone_hint': 'Burgers, bedrijven en personeelsleden kunnen via dit kanaal melden.',
    'channels.audience.staff': 'Personeelsleden',
    'channels.audience.staff_hint': 'Alleen personeelsleden zien en gebruiken dit kanaal.',

    'channels.list.title': 'Meldkanalen',
    'channels.list.lead':
      'De kanalen waarlangs mensen een integriteitsschending melden, met wie de meldingen ontvangt, de categorieën en de vragenlijst.',
    'channels.list.caption': 'Meldkanalen',
    'channels.list.column_name': 'Kanaal',
    'channels.list.column_audience': 'Voor wie',
    'channels.list.column_status': 'Status',
    'channels.list.column_recipients': 'Ontvangers',
    'channels.list.column_questionnaire': 'Vragenlijst',
    'channels.list.column_categories': 'Categorieën',
    'channels.list.recipients_figures': '{recipients} ontvangers, {withKeys} met sleutelpaar',
    'channels.list.cannot_receive': 'Kan geen meldingen ontvangen',
    'channels.list.questionnaire_figures': 'Versie {version}, {questions} vragen',
    'channels.list.no_questionnaire': 'Geen vragenlijst',
    'channels.list.empty': 'Er zijn nog geen meldkanalen.',
    'channels.list.add': 'Een kanaal toevoegen',

    'channels.warning.cannot_receive_title': 'Kanaal kan geen meldingen ontvangen',
    'channels.warning.cannot_receive_list':
      'Deze actieve kanalen kunnen geen meldingen ontvangen, omdat geen enkele ontvanger een sleutelpaar heeft:',
    'channels.warning.no_recipients':
      'Dit kanaal heeft geen ontvangers. Zonder ontvanger met een sleutelpaar kan niemand een melding openen, dus aanvaardt het kanaal geen meldingen.',
    'channels.warning.no_keys':
      'Geen enkele ontvanger van dit kanaal heeft een sleutelpaar. Een melding wordt versleuteld voor de sleutel van elke ontvanger; zonder sleutelpaar kan niemand ze openen, dus aanvaardt het kanaal geen meldingen.',
    'channels.warning.cannot_receive_help':
      'Kies ontvangers met een sleutelpaar, of vraag de ontvangers hun sleutels in te stellen op de pagina ‘Mijn sleutels’ (dat gebeurt bij hun volgende aanmelding).',

    'channels.new.title': 'Een kanaal toevoegen',
    'channels.new.lead':
      'Een nieuw kanaal krijgt de standaardvragenlijst en nog geen ontvangers. Kies daarna de ontvangers en de categorieën.',
    'channels.new.create': 'Kanaal aanmaken',

    'channels.channel.details_heading': 'Gegevens van het kanaal',
    'channels.channel.address': 'Adres van het meldformulier',
    'channels.channel.name_nl': 'Naam in het Nederlands',
    'channels.channel.name_en': 'Naam in het Engels',
    'channels.channel.slug': 'Korte naam in het webadres',
    'channels.channel.slug_hint':
      'Kleine letters, cijfers en koppeltekens, 2 tot 40 tekens, bijvoorbeeld ‘integriteit’. Wijzigt u ze, dan werken bestaande links naar het formulier niet meer.',
    'channels.channel.intro_nl': 'Inleiding in het Nederlands',
    'channels.channel.intro_en': 'Inleiding in het Engels',
    'channels.channel.intro_hint':
      'Gewone tekst die de melder boven het formulier leest: waarvoor dit kanaal dient en wie de melding behandelt.',
    'channels.channel.audience': 'Voor wie is dit kanaal?',
    'channels.channel.active': 'Status',
    'channels.channel.active_hint': 'Het kanaal wordt aangeboden en aanvaardt meldingen.',
    'channels.channel.inactive_hint':
      'Het kanaal wordt niet meer aangeboden. Meldingen die al binnen zijn, blijven gewoon behandeld.',
    'channels.channel.position': 'Volgorde',
    'channels.channel.position_hint': 'Een getal van 0 tot 9999; kanalen met een kleiner getal staan eerst.',
    'channels.channel.error_slug_format':
      'Geef een korte naam van 2 tot 40 tekens: kleine letters, cijfers en koppeltekens, niet beginnend met een koppelteken.',
    'channels.channel.error_slug_taken': 'Een ander kanaal gebruikt deze korte naam al. Kies een andere.',
    'channels.channel.error_name_nl_required': 'Geef de naam in het Nederlands.',
    'channels.channel.error_name_en_required': 'Geef de naam in het Engels.',
    'channels.channel.error_name_too_long': 'Een naam mag hoogstens 200 tekens lang zijn.',
    'channels.channel.error_intro_too_long': 'Een inleiding mag hoogstens 4000 tekens lang zijn.',
    'channels.channel.error_audience': 'Kies voor wie het kanaal is.',
    'channels.channel.error_active': 'Kies of het kanaal actief is.',
    'channels.channel.error_position': 'Geef de volgorde als een geheel getal van 0 tot 9999.',

    'channels.notice.created': 'Het kanaal is aangemaakt met de standaardvragenlijst. Kies nu de ontvangers.',
    'channels.notice.updated': 'De gegevens van het kanaal zijn opgeslagen.',
    'channels.notice.recipients': 'De ontvangers zijn opgeslagen.',
    'channels.notice.categories': 'De categorieën zijn opgeslagen.',
    'channels.notice.unchanged': 'Er was niets gewijzigd; er is niets opgeslagen.',

    'channels.recipients.heading': 'Ontvangers',
    'channels.recipients.lead':
      'Ontvangers krijgen de meldingen van dit kanaal en kunnen ze openen. Alleen actieve gebruikers met de rol behandelaar, onderzoeker of vertrouwenspersoon kunnen ontvanger zijn. Een melder kan een ontvanger uitsluiten die bij de feiten betrokken is.',
    'channels.recipients.legend': 'Wie ontvangt de meldingen van dit kanaal?',
    'channels.recipients.hint':
      'Wie geen sleutelpaar heeft, kan een melding pas openen nadat hij zijn sleutels heeft ingesteld.',
    'channels.recipients.roles': 'Rollen: {roles}',
    'channels.recipients.no_roles': 'geen',
    'channels.recipients.has_keys': 'heeft een sleutelpaar',
    'channels.recipients.no_keys': 'heeft nog geen sleutelpaar',
    'channels.recipients.not_eligible':
      'kan geen meldingen meer ontvangen (niet actief of geen ontvangersrol); verwijder hem hier',
    'channels.recipients.none_available':
      'Er is nog niemand die ontvanger kan zijn. Geef eerst een gebruiker de rol behandelaar, onderzoeker of vertrouwenspersoon bij Gebruikers.',
    'channels.recipients.save': 'Ontvangers opslaan',
    'channels.recipients.error_unknown': 'Een van de gekozen personen bestaat niet. Kies uit de lijst.',
    'channels.recipients.error_not_eligible':
      'Alleen actieve gebruikers met de rol behandelaar, onderzoeker of vertrouwenspersoon kunnen ontvanger worden. Kies uit de lijst.',

    'channels.category.heading': 'Categorieën',
    'channels.category.lead':
      'De melder kiest een categorie. Categorieën worden nooit verwijderd, want meldingen verwijzen ernaar: zet er een op niet actief als ze niet meer aangeboden mag worden.',
    'channels.category.caption': 'Categorieën van dit kanaal',
    'channels.category.column_label': 'Categorie',
    'channels.category.column_other_language': 'In de andere taal',
    'channels.category.empty': 'Dit kanaal heeft nog geen categorieën.',
    'channels.category.named': 'categorie ‘{label}’',
    'channels.category.rename': 'Naam wijzigen',
    'channels.category.deactivate': 'Niet meer aanbieden',
    'channels.category.reactivate': 'Opnieuw aanbieden',
    'channels.category.add_heading': 'Een categorie toevoegen',
    'channels.category.add': 'Categorie toevoegen',
    'channels.category.label_nl': 'Naam in het Nederlands',
    'channels.category.label_en': 'Naam in het Engels',
    'channels.category.rename_title': 'Categorie ‘{label}’',
    'channels.category.rename_lead':
      'Meldingen die al in deze categorie zitten, tonen voortaan de nieuwe naam.',
    'channels.category.error_label_nl_required': 'Geef de naam van de categorie in het Nederlands.',
    'channels.category.error_label_en_required': 'Geef de naam van de categorie in het Engels.',
    'channels.category.error_label_too_long': 'De naam van een categorie mag hoogstens 200 tekens lang zijn.',

    'channels.questionnaire.title': 'Vragenlijst van {channel}',
    'channels.questionnaire.lead':
      'Elke wijziging die u opslaat, publiceert een nieuwe versie van de vragenlijst. Meldingen die al binnen zijn, houden de versie waarmee ze werden ingevuld.',
    'channels.questionnaire.edit_link': 'Vragenlijst bewerken',
    'channels.questionnaire.version_line': 'Huidige versie: {version}, gepubliceerd op {date} door {by}.',
    'channels.questionnaire.by_system': 'het systeem',
    'channels.questionnaire.no_version': 'Dit kanaal heeft nog geen vragenlijst. Voeg een eerste vraag toe.',
    'channels.questionnaire.empty': 'Deze versie bevat geen vragen.',
    'channels.questionnaire.add': 'Een vraag toevoegen',
    'channels.questionnaire.history_link': 'Alle versies van de vragenlijst',
    'channels.questionnaire.notice_published': 'Versie {version} van de vragenlijst is gepubliceerd.',
    'channels.questionnaire.notice_unchanged':
      'Er was niets gewijzigd; er is geen nieuwe versie gepubliceerd.',
    'channels.questionnaire.refused_title': 'Niet opgeslagen',
    'channels.questionnaire.error_stale':
      'Iemand anders heeft intussen een nieuwe versie van deze vragenlijst gepubliceerd. Uw wijziging is niet opgeslagen. Bekijk de huidige vragenlijst; wilt u uw wijziging toch nog, verstuur ze dan opnieuw.',
    'channels.questionnaire.error_base_version':
      'Het formulier was onvolledig. Open de vragenlijst opnieuw en probeer het nog eens.',
    'channels.questionnaire.error_question_gone':
      'Deze vraag staat niet (meer) in de huidige vragenlijst. Misschien heeft iemand anders ze intussen verwijderd.',
    'channels.questionnaire.error_type_change':
      'Het soort antwoord van een bestaande vraag kan niet veranderen. Voeg een nieuwe vraag toe en verwijder de oude.',
    'channels.questionnaire.error_too_many_questions': 'Een vragenlijst kan hoogstens 40 vragen hebben.',
    'channels.questionnaire.error_last_question':
      'Dit is de laatste vraag. Een vragenlijst heeft minstens één vraag: voeg eerst een andere toe.',

    'channels.type.short_text': 'Korte tekst',
    'channels.type.short_text_hint': 'Eén regel, bijvoorbeeld een plaats of een naam.',
    'channels.type.long_text': 'Lange tekst',
    'channels.type.long_text_hint': 'Meerdere alinea’s, voor een beschrijving.',
    'channels.type.single_choice': 'Eén keuze',
    'channels.type.single_choice_hint': 'De melder kiest één antwoord uit een lijst.',
    'channels.type.multiple_choice': 'Meerdere keuzes',
    'channels.type.multiple_choice_hint': 'De melder kiest een of meer antwoorden uit een lijst.',
    'channels.type.date': 'Datum',
    'channels.type.date_hint': 'Een dag, maand en jaar.',
    'channels.type.yes_no': 'Ja of nee',
    'channels.type.yes_no_hint': 'De melder antwoordt ja of nee.',
    'channels.type.files': 'Bestanden',
    'channels.type.files_hint': 'De melder voegt een of meer bestanden toe.',

    'channels.question.new_title': 'Een vraag toevoegen',
    'channels.question.edit_title': 'Vraag ‘{label}’ bewerken',
    'channels.question.form_lead':
      'De melder ziet de vraag en de uitleg in zijn taal. Schrijf eenvoudig en geruststellend: wie meldt, is vaak ongerust.',
    'channels.question.named': 'vraag ‘{label}’',
    'channels.question.type': 'Soort antwoord',
    'channels.question.id': 'Vaste code',
    'channels.question.required': 'Is een antwoord verplicht?',
    'channels.question.required_tag': 'Verplicht',
    'channels.question.label_nl': 'Vraag in het Nederlands',
    'channels.question.label_en': 'Vraag in het Engels',
    'channels.question.help_nl': 'Uitleg in het Nederlands',
    'channels.question.help_en': 'Uitleg in het Engels',
    'channels.question.help_hint':
      'Gewone tekst onder de vraag: wat verwacht u, en wat mag de melder weglaten?',
    'channels.question.options': 'Antwoorden',
    'channels.question.options_nl': 'Antwoorden in het Nederlands',
    'channels.question.options_en': 'Antwoorden in het Engels',
    'channels.question.options_hint':
      'Alleen voor ‘Eén keuze’ en ‘Meerdere keuzes’: één antwoord per regel, minstens twee, hoogstens dertig. Laat leeg voor andere soorten.',
    'channels.question.options_hint_edit':
      'Eén antwoord per regel, minstens twee, hoogstens dertig. Een antwoord waarvan u alleen de schrijfwijze verbetert, behoudt zijn betekenis.',
    'channels.question.options_en_hint':
      'Dezelfde antwoorden in het Engels, in dezelfde volgorde, één per regel.',
    'channels.question.publish_hint': 'Opslaan publiceert meteen een nieuwe versie van de vragenlijst.',
    'channels.question.add': 'Vraag toevoegen',
    'channels.question.save': 'Vraag opslaan',
    'channels.question.edit': 'Bewerken',
    'channels.question.remove': 'Verwijderen',
    'channels.question.remove_title': 'Vraag ‘{label}’ verwijderen?',
    'channels.question.remove_text':
      'De vraag verdwijnt uit de nieuwe versie van de vragenlijst. Meldingen die al binnen zijn, behouden de vraag en het antwoord.',
    'channels.question.remove_confirm': 'Ja, vraag verwijderen',
    'channels.question.error_type': 'Kies het soort antwoord.',
    'channels.question.error_required_choice': 'Kies of een antwoord verplicht is.',
    'channels.question.error_label_nl_required': 'Geef de vraag in het Nederlands.',
    'channels.question.error_label_en_required': 'Geef de vraag in het Engels.',
    'channels.question.error_label_too_long': 'Een vraag mag hoogstens 300 tekens lang zijn.',
    'channels.question.error_help_too_long': 'De uitleg mag hoogstens 1000 tekens lang zijn.',
    'channels.question.error_options_too_few': 'Geef minstens twee antwoorden, één per regel.',
    'channels.question.error_options_too_many': 'Geef hoogstens dertig antwoorden.',
    'channels.question.error_option_too_long': 'Een antwoord mag hoogstens 200 tekens lang zijn.',
    'channels.question.error_options_mismatch':
      'Geef evenveel Engelse als Nederlandse antwoorden, in dezelfde volgorde.',
    'channels.question.error_options_not_allowed':
      'Antwoorden horen alleen bij ‘Eén keuze’ en ‘Meerdere keuzes’. Maak dit veld leeg of kies een van die soorten.',

    'channels.history.title': 'Versies van de vragenlijst van {channel}',
    'channels.history.lead': 'Elke versie blijft bewaard zoals ze werd gepubliceerd.',
    'channels.history.caption': 'Versies',
    'channels.history.column_version': 'Versie',
    'channels.history.column_date': 'Gepubliceerd op',
    'channels.history.column_by': 'Door',
    'channels.history.column_questions': 'Vragen',
    'channels.history.version_link': 'Versie {version}',
    'channels.history.empty': 'Er is nog geen versie.',
    'channels.history.back': 'Terug naar de huidige vragenlijst',

    'channels.version.title': 'Versie {version} van de vragenlijst van {channel}',
    'channels.version.is_current':
      'Dit is de huidige versie. U kunt ze alleen lezen; bewerken doet u in de vragenlijst.',
    'channels.version.is_old':
      'Dit is een oudere versie; ze kan niet meer veranderen. De huidige versie is versie {latest}.',
  },
  {
    'channels.yes': 'Yes',
    'channels.no': 'No',
    'channels.move_up': 'Move up',
    'channels.move_down': 'Move down',
    'channels.column_actions': 'Actions',
    'channels.back_to_list': 'Back to the reporting channels',
    'channels.back_to_channel': 'Back to {channel}',
    'channels.error_invalid_characters':
      'This text contains characters that are not allowed (such as a NUL character). Type it again without them.',
    'channels.error_text_expected': 'Enter plain text here.',
    'channels.error_move_direction': 'Choose whether to move up or down.',

    'channels.status.active': 'Active',
    'channels.status.inactive': 'Inactive',
    'channels.audience.everyone': 'Everyone',
    'channels.audience.everyone_hint': 'Citizens, companies and staff can report through this channel.',
    'channels.audience.staff': 'Staff',
    'channels.audience.staff_hint': 'Only staff members see and use this channel.',

    'channels.list.title': 'Reporting channels',
    'channels.list.lead':
      'The channels through which people report an integrity violation, with who receives the reports, the categories and the questionnaire.',
    'channels.list.caption': 'Reporting channels',
    'channels.list.column_name': 'Channel',
    'channels.list.column_audience': 'For whom',
    'channels.list.column_status': 'Status',
    'channels.list.column_recipients': 'Recipients',
    'channels.list.column_questionnaire': 'Questionnaire',
    'channels.list.column_categories': 'Categories',
    'channels.list.recipients_figures': '{recipients} recipients, {withKeys} with a key pair',
    'channels.list.cannot_receive': 'Cannot receive reports',
    'channels.list.questionnaire_figures': 'Version {version}, {questions} questions',
    'channels.list.no_questionnaire': 'No questionnaire',
    'channels.list.empty': 'There are no reporting channels yet.',
    'channels.list.add': 'Add a channel',

    'channels.warning.cannot_receive_title': 'Channel cannot receive reports',
    'channels.warning.cannot_receive_list':
      'These active channels cannot receive reports, because none of their recipients has a key pair:',
    'channels.warning.no_recipients':
      'This channel has no recipients. Without a recipient with a key pair nobody could open a report, so the channel accepts none.',
    'channels.warning.no_keys':
      'None of the recipients of this channel has a key pair. A report is encrypted for the key of each recipient; without a key pair nobody could open it, so the channel accepts none.',
    'channels.warning.cannot_receive_help':
      'Choose recipients who have a key pair, or ask the recipients to set up their keys on the ‘My keys’ page (this happens at their next login).',

    'channels.new.title': 'Add a channel',
    'channels.new.lead':
      'A new channel gets the default questionnaire and no recipients yet. Choose the recipients and the categories next.',
    'channels.new.create': 'Create channel',

    'channels.channel.details_heading': 'Channel details',
    'channels.channel.address': 'Address of the report form',
    'channels.channel.name_nl': 'Name in Dutch',
    'channels.channel.name_en': 'Name in English',
    'channels.channel.slug': 'Short name in the web address',
    'channels.channel.slug_hint':
      'Lower-case letters, digits and hyphens, 2 to 40 characters, for example ‘integrity’. If you change it, existing links to the form stop working.',
    'channels.channel.intro_nl': 'Introduction in Dutch',
    'channels.channel.intro_en': 'Introduction in English',
    'channels.channel.intro_hint':
      'Plain text the reporter reads above the form: what this channel is for and who handles the report.',
    'channels.channel.audience': 'Who is this channel for?',
    'channels.channel.active': 'Status',
    'channels.channel.active_hint': 'The channel is offered and accepts reports.',
    'channels.channel.inactive_hint':
      'The channel is no longer offered. Reports already received are still handled as usual.',
    'channels.channel.position': 'Order',
    'channels.channel.position_hint': 'A number from 0 to 9999; channels with a lower number come first.',
    'channels.channel.error_slug_format':
      'Enter a short name of 2 to 40 characters: lower-case letters, digits and hyphens, not starting with a hyphen.',
    'channels.channel.error_slug_taken': 'Another channel already uses this short name. Choose another one.',
    'channels.channel.error_name_nl_required': 'Enter the name in Dutch.',
    'channels.channel.error_name_en_required': 'Enter the name in English.',
    'channels.channel.error_name_too_long': 'A name can be at most 200 characters long.',
    'channels.channel.error_intro_too_long': 'An introduction can be at most 4000 characters long.',
    'channels.channel.error_audience': 'Choose who the channel is for.',
    'channels.channel.error_active': 'Choose whether the channel is active.',
    'channels.channel.error_position': 'Enter the order as a whole number from 0 to 9999.',

    'channels.notice.created':
      'The channel was created with the default questionnaire. Now choose its recipients.',
    'channels.notice.updated': 'The channel details were saved.',
    'channels.notice.recipients': 'The recipients were saved.',
    'channels.notice.categories': 'The categories were saved.',
    'channels.notice.unchanged': 'Nothing had changed; nothing was saved.',

    'channels.recipients.heading': 'Recipients',
    'channels.recipients.lead':
      'Recipients receive this channel’s reports and can open them. Only active users with the handler, investigator or confidential counsellor role can be recipients. A reporter can exclude a recipient who is involved in the facts.',
    'channels.recipients.legend': 'Who receives the reports of this channel?',
    'channels.recipients.hint':
      'Someone without a key pair can only open a report once they have set up their keys.',
    'channels.recipients.roles': 'Roles: {roles}',
    'channels.recipients.no_roles': 'none',
    'channels.recipients.has_keys': 'has a key pair',
    'channels.recipients.no_keys': 'has no key pair yet',
    'channels.recipients.not_eligible':
      'can no longer receive reports (inactive or no recipient role); remove them here',
    'channels.recipients.none_available':
      'Nobody can be a recipient yet. First give a user the handler, investigator or confidential counsellor role under Users.',
    'channels.recipients.save': 'Save recipients',
    'channels.recipients.error_unknown': 'One of the people chosen does not exist. Choose from the list.',
    'channels.recipients.error_not_eligible':
      'Only active users with the handler, investigator or confidential counsellor role can become recipients. Choose from the list.',

    'channels.category.heading': 'Categories',
    'channels.category.lead':
      'The reporter chooses a category. Categories are never deleted, because reports point to them: make one inactive when it should no longer be offered.',
    'channels.category.caption': 'Categories of this channel',
    'channels.category.column_label': 'Category',
    'channels.category.column_other_language': 'In the other language',
    'channels.category.empty': 'This channel has no categories yet.',
    'channels.category.named': 'category ‘{label}’',
    'channels.category.rename': 'Rename',
    'channels.category.deactivate': 'Stop offering',
    'channels.category.reactivate': 'Offer again',
    'channels.category.add_heading': 'Add a category',
    'channels.category.add': 'Add category',
    'channels.category.label_nl': 'Name in Dutch',
    'channels.category.label_en': 'Name in English',
    'channels.category.rename_title': 'Category ‘{label}’',
    'channels.category.rename_lead': 'Reports already in this category will show the new name from now on.',
    'channels.category.error_label_nl_required': 'Enter the name of the category in Dutch.',
    'channels.category.error_label_en_required': 'Enter the name of the category in English.',
    'channels.category.error_label_too_long': 'The name of a category can be at most 200 characters long.',

    'channels.questionnaire.title': 'Questionnaire of {channel}',
    'channels.questionnaire.lead':
      'Every change you save publishes a new version of the questionnaire. Reports already received keep the version they were answered with.',
    'channels.questionnaire.edit_link': 'Edit questionnaire',
    'channels.questionnaire.version_line': 'Current version: {version}, published on {date} by {by}.',
    'channels.questionnaire.by_system': 'the system',
    'channels.questionnaire.no_version': 'This channel has no questionnaire yet. Add a first question.',
    'channels.questionnaire.empty': 'This version has no questions.',
    'channels.questionnaire.add': 'Add a question',
    'channels.questionnaire.history_link': 'All versions of the questionnaire',
    'channels.questionnaire.notice_published': 'Version {version} of the questionnaire was published.',
    'channels.questionnaire.notice_unchanged': 'Nothing had changed; no new version was published.',
    'channels.questionnaire.refused_title': 'Not saved',
    'channels.questionnaire.error_stale':
      'Someone else published a new version of this questionnaire in the meantime. Your change was not saved. Look at the current questionnaire; if you still want your change, send it again.',
    'channels.questionnaire.error_base_version':
      'The form was incomplete. Open the questionnaire again and try once more.',
    'channels.questionnaire.error_question_gone':
      'This question is not (or no longer) in the current questionnaire. Perhaps someone else removed it in the meantime.',
    'channels.questionnaire.error_type_change':
      'The kind of answer of an existing question cannot change. Add a new question and remove the old one.',
    'channels.questionnaire.error_too_many_questions': 'A questionnaire can have at most 40 questions.',
    'channels.questionnaire.error_last_question':
      'This is the last question. A questionnaire has at least one question: add another one first.',

    'channels.type.short_text': 'Short text',
    'channels.type.short_text_hint': 'One line, for example a place or a name.',
    'channels.type.long_text': 'Long text',
    'channels.type.long_text_hint': 'Several paragraphs, for a description.',
    'channels.type.single_choice': 'Single choice',
    'channels.type.single_choice_hint': 'The reporter chooses one answer from a list.',
    'channels.type.multiple_choice': 'Multiple choice',
    'channels.type.multiple_choice_hint': 'The reporter chooses one or more answers from a list.',
    'channels.type.date': 'Date',
    'channels.type.date_hint': 'A day, month and year.',
    'channels.type.yes_no': 'Yes or no',
    'channels.type.yes_no_hint': 'The reporter answers yes or no.',
    'channels.type.files': 'Files',
    'channels.type.files_hint': 'The reporter adds one or more files.',

    'channels.question.new_title': 'Add a question',
    'channels.question.edit_title': 'Edit question ‘{label}’',
    'channels.question.form_lead':
      'The reporter sees the question and its explanation in their language. Write simply and reassuringly: people who report are often worried.',
    'channels.question.named': 'question ‘{label}’',
    'channels.question.type': 'Kind of answer',
    'channels.question.id': 'Fixed code',
    'channels.question.required': 'Is an answer required?',
    'channels.question.required_tag': 'Required',
    'channels.question.label_nl': 'Question in Dutch',
    'channels.question.label_en': 'Question in English',
    'channels.question.help_nl': 'Explanation in Dutch',
    'channels.question.help_en': 'Explanation in English',
    'channels.question.help_hint':
      'Plain text below the question: what do you expect, and what may the reporter leave out?',
    'channels.question.options': 'Answers',
    'channels.question.options_nl': 'Answers in Dutch',
    'channels.question.options_en': 'Answers in English',
    'channels.question.options_hint':
      'Only for ‘Single choice’ and ‘Multiple choice’: one answer per line, at least two, at most thirty. Leave empty for other kinds.',
    'channels.question.options_hint_edit':
      'One answer per line, at least two, at most thirty. An answer whose spelling you only correct keeps its meaning.',
    'channels.question.options_en_hint': 'The same answers in English, in the same order, one per line.',
    'channels.question.publish_hint': 'Saving publishes a new version of the questionnaire at once.',
    'channels.question.add': 'Add question',
    'channels.question.save': 'Save question',
    'channels.question.edit': 'Edit',
    'channels.question.remove': 'Remove',
    'channels.question.remove_title': 'Remove question ‘{label}’?',
    'channels.question.remove_text':
      'The question disappears from the new version of the questionnaire. Reports already received keep the question and its answer.',
    'channels.question.remove_confirm': 'Yes, remove the question',
    'channels.question.error_type': 'Choose the kind of answer.',
    'channels.question.error_required_choice': 'Choose whether an answer is required.',
    'channels.question.error_label_nl_required': 'Enter the question in Dutch.',
    'channels.question.error_label_en_required': 'Enter the question in English.',
    'channels.question.error_label_too_long': 'A question can be at most 300 characters long.',
    'channels.question.error_help_too_long': 'The explanation can be at most 1000 characters long.',
    'channels.question.error_options_too_few': 'Enter at least two answers, one per line.',
    'channels.question.error_options_too_many': 'Enter at most thirty answers.',
    'channels.question.error_option_too_long': 'An answer can be at most 200 characters long.',
    'channels.question.error_options_mismatch':
      'Enter as many English answers as Dutch ones, in the same order.',
    'channels.question.error_options_not_allowed':
      'Answers only belong to ‘Single choice’ and ‘Multiple choice’. Empty this field or choose one of those kinds.',

    'channels.history.title': 'Versions of the questionnaire of {channel}',
    'channels.history.lead': 'Every version is kept exactly as it was published.',
    'channels.history.caption': 'Versions',
    'channels.history.column_version': 'Version',
    'channels.history.column_date': 'Published on',
    'channels.history.column_by': 'By',
    'channels.history.column_questions': 'Questions',
    'channels.history.version_link': 'Version {version}',
    'channels.history.empty': 'There is no version yet.',
    'channels.history.back': 'Back to the current questionnaire',

    'channels.version.title': 'Version {version} of the questionnaire of {channel}',
    'channels.version.is_current':
      'This is the current version. You can only read it here; edit it in the questionnaire.',
    'channels.version.is_old':
      'This is an older version; it can no longer change. The current version is version {latest}.',
  },
);
