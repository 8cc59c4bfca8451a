import { defineMessages } from '../define.js';

/** Recipients' key pairs: creating, unlocking, recovering (src/reporting/keys). */
export const keysMessages = defineMessages(
  {
    'keys.title': 'Sleutels voor meldingen',
    'keys.lead':
      'Meldingen worden versleuteld bewaard. Om ze te lezen hebt u een eigen sleutelpaar. Uw geheime sleutel is beveiligd met uw wachtwoord of met een apart sleutelwachtwoord, en is alleen geopend zolang u aangemeld bent.',
    'keys.back': 'Terug naar Sleutels voor meldingen',
    'keys.notice_unlocked': 'Uw sleutel is geopend. U kunt meldingen lezen tot u zich afmeldt.',
    'keys.notice_locked': 'Uw sleutel is vergrendeld. Open hem opnieuw wanneer u meldingen wilt lezen.',
    'keys.notice_recovered': 'Uw sleutel is hersteld en opnieuw beveiligd. Uw herstelsleutel blijft geldig.',
    'keys.not_needed':
      'U hebt geen sleutelpaar nodig: met uw rollen ontvangt u geen meldingen. Alleen behandelaars, onderzoekers en vertrouwenspersonen hebben er een.',
    'keys.not_needed_kept':
      'Uw bestaande sleutelpaar blijft bewaard, voor het geval u zo’n rol opnieuw krijgt.',
    'keys.status': 'Status',
    'keys.status_none': 'Geen sleutelpaar',
    'keys.status_locked': 'Vergrendeld',
    'keys.status_unlocked': 'Geopend',
    'keys.created_at': 'Aangemaakt op',
    'keys.wrapped_with': 'Beveiligd met',
    'keys.wrapped_with_password': 'Uw wachtwoord',
    'keys.wrapped_with_passphrase': 'Uw sleutelwachtwoord',
    'keys.none_text':
      'U hebt nog geen sleutelpaar. Zolang u er geen hebt, kunnen meldingen niet voor u versleuteld worden en kunt u ze niet lezen.',
    'keys.none_action': 'Sleutelpaar aanmaken',
    'keys.unlocked_text':
      'Uw sleutel is geopend in deze sessie: u kunt de meldingen lezen waartoe u toegang hebt. Bij het afmelden, of na een tijd zonder activiteit, wordt hij uit het geheugen van de server gewist.',
    'keys.lock_action': 'Sleutel nu vergrendelen',
    'keys.locked_text':
      'Uw sleutel is niet geopend in deze sessie. Dat gebeurt wanneer u zich via uw organisatie aanmeldt, na een herstart van de server, na een tijd zonder activiteit, of wanneer uw wachtwoord hem bij het aanmelden niet kon openen.',
    'keys.unlock_action': 'Sleutel openen',
    'keys.out_of_step':
      'Uw wachtwoord werd gewijzigd, maar uw sleutel kon niet mee worden overgezet (bijvoorbeeld omdat uw wachtwoord opnieuw werd ingesteld). Uw wachtwoord opent hem daarom niet meer. Herstel hem met uw herstelsleutel.',
    'keys.recovery_key_waiting':
      'Uw nieuwe herstelsleutel werd nog niet getoond. Bekijk en bewaar hem nu: hij wordt maar één keer getoond.',
    'keys.recovery_key_waiting_link': 'Herstelsleutel bekijken',
    'keys.recovery_heading': 'Herstelsleutel',
    'keys.recovery_text':
      'Met uw herstelsleutel opent u uw sleutel wanneer uw wachtwoord of sleutelwachtwoord dat niet meer kan: u vergat het, of het werd opnieuw ingesteld.',
    'keys.recover_link': 'Sleutel herstellen met uw herstelsleutel',
    'keys.replace_recovery_hint':
      'Herstelsleutel kwijt, of vreest u dat iemand anders hem kent? Maak een nieuwe. De oude werkt daarna niet meer.',
    'keys.replace_recovery_action': 'Nieuwe herstelsleutel maken',
    'keys.replace_recovery_secret_hint':
      'Ter bevestiging, zodat niemand anders die deze sessie gebruikt uw herstelsleutel kan vervangen.',
    'keys.recovery_key_taken_title': 'Uw sleutelpaar bestond al',
    'keys.recovery_key_taken':
      'Terwijl u zich aanmeldde, werd in een andere sessie al een sleutelpaar voor u aangemaakt en de herstelsleutel daar getoond. Dat sleutelpaar blijft gelden; het sleutelpaar van deze aanmelding werd niet bewaard. Open uw sleutel met uw wachtwoord om meldingen te lezen.',
    'keys.how_heading': 'Hoe werkt het?',
    'keys.how_sealed':
      'Elke melding heeft een eigen sleutel. Die wordt versleuteld voor elke ontvanger die toegang heeft, met diens openbare sleutel.',
    'keys.how_secret':
      'Uw geheime sleutel staat alleen versleuteld in de databank. Niemand anders, ook de beheerder niet, kan hem openen.',
    'keys.how_new':
      'Meldingen die binnenkwamen voordat u een sleutelpaar had, worden voor u versleuteld zodra een collega met toegang ze opent.',

    'keys.unlock_title': 'Sleutel openen',
    'keys.unlock_lead_password':
      'Om meldingen te lezen opent het Integriteitsloket uw geheime sleutel. Vul daarvoor het wachtwoord in waarmee u zich aanmeldt.',
    'keys.unlock_lead_passphrase':
      'Om meldingen te lezen opent het Integriteitsloket uw geheime sleutel. Vul daarvoor uw sleutelwachtwoord in (niet het wachtwoord van uw organisatie).',
    'keys.password_label': 'Wachtwoord',
    'keys.passphrase_label': 'Sleutelwachtwoord',
    'keys.unlock_submit': 'Sleutel openen',
    'keys.unlock_forgot':
      'Opent uw wachtwoord of sleutelwachtwoord de sleutel niet meer? Gebruik uw herstelsleutel.',

    'keys.setup_title': 'Sleutelpaar aanmaken',
    'keys.setup_lead_password':
      'Vul uw wachtwoord in. Uw geheime sleutel wordt ermee beveiligd en opent voortaan vanzelf wanneer u zich met uw wachtwoord aanmeldt.',
    'keys.setup_lead_passphrase':
      'U meldt zich aan via uw organisatie, en dat wachtwoord krijgt het Integriteitsloket nooit te zien. Kies daarom een apart sleutelwachtwoord. U vult het in wanneer u meldingen wilt lezen.',
    'keys.setup_password_label': 'Uw wachtwoord',
    'keys.setup_passphrase_label': 'Sleutelwachtwoord',
    'keys.passphrase_hint':
      'Minstens 12 tekens. Een zin van enkele woorden is sterk en makkelijk te onthouden. Gebruik niet het wachtwoord van uw organisatie.',
    'keys.confirm_label': 'Sleutelwachtwoord bevestigen',
    'keys.setup_after':
      'Daarna krijgt u één keer uw herstelsleutel te zien. Houd pen en papier of uw wachtwoordbeheerder bij de hand.',
    'keys.setup_submit': 'Sleutelpaar aanmaken',
    'keys.setup_later': 'Later',

    'keys.recovery_key_title': 'Uw herstelsleutel',
    'keys.recovery_key_lead':
      'Met deze herstelsleutel opent u uw sleutel wanneer uw wachtwoord of sleutelwachtwoord dat niet meer kan. Zonder herstelsleutel kunt u dan uw meldingen niet meer lezen.',
    'keys.recovery_key_once':
      'Deze herstelsleutel wordt maar één keer getoond. Niemand kan hem later opnieuw opvragen, ook de beheerder niet.',
    'keys.recovery_key_label': 'Herstelsleutel',
    'keys.recovery_key_advice_title': 'Zo bewaart u hem veilig',
    'keys.recovery_key_advice_print':
      'Druk deze pagina af of schrijf de sleutel over, en bewaar het papier op een veilige plaats, bijvoorbeeld een afgesloten kast.',
    'keys.recovery_key_advice_manager': 'Of bewaar hem in een wachtwoordbeheerder, apart van uw wachtwoord.',
    'keys.recovery_key_advice_share':
      'Geef hem aan niemand, ook niet aan een collega of de helpdesk. Het Integriteitsloket vraagt er nooit om, behalve op de herstelpagina.',
    'keys.recovery_key_advice_new':
      'Kwijt? Zolang uw sleutel geopend is, kunt u op de sleutelpagina een nieuwe maken.',
    'keys.recovery_key_continue': 'Ik heb de herstelsleutel bewaard, doorgaan',
    'keys.recovery_key_gone_title': 'Geen herstelsleutel te tonen',
    'keys.recovery_key_gone':
      'Een herstelsleutel wordt maar één keer getoond, meteen nadat hij gemaakt werd. Hebt u hem niet bewaard? Maak dan een nieuwe op de sleutelpagina.',
    'keys.continue': 'Doorgaan',

    'keys.recover_title': 'Sleutel herstellen',
    'keys.recover_lead_password':
      'Vul uw herstelsleutel en uw huidige wachtwoord in. Uw sleutel wordt dan opnieuw beveiligd met dat wachtwoord.',
    'keys.recover_lead_passphrase':
      'Vul uw herstelsleutel in en kies een nieuw sleutelwachtwoord. Uw sleutel wordt dan daarmee opnieuw beveiligd.',
    'keys.recovery_key_hint':
      '52 tekens in groepjes van vier, zoals u hem bewaarde. Hoofdletters, spaties en streepjes maken niet uit.',
    'keys.recover_password_label': 'Uw huidige wachtwoord',
    'keys.recover_passphrase_label': 'Nieuw sleutelwachtwoord',
    'keys.recover_keeps':
      'Uw herstelsleutel blijft daarna geldig. Vreest u dat iemand anders hem kent, maak dan een nieuwe op de sleutelpagina.',
    'keys.recover_submit': 'Sleutel herstellen',

    'keys.error_secret_required': 'Vul uw wachtwoord of sleutelwachtwoord in.',
    'keys.error_secret_too_long': 'Dat is te lang: een wachtwoord heeft hoogstens 200 tekens.',
    'keys.error_unlock_wrong_password':
      'Dit wachtwoord opent uw sleutel niet. Werd uw wachtwoord onlangs opnieuw ingesteld? Herstel uw sleutel dan met uw herstelsleutel.',
    'keys.error_unlock_wrong_passphrase':
      'Dit sleutelwachtwoord opent uw sleutel niet. Vergeten? Herstel uw sleutel met uw herstelsleutel.',
    'keys.error_password_wrong': 'Uw wachtwoord klopt niet.',
    'keys.error_confirm_mismatch': 'De twee sleutelwachtwoorden zijn niet gelijk.',
    'keys.error_throttled': 'Te veel mislukte pogingen. Wacht 15 minuten en probeer het dan opnieuw.',
    'keys.error_no_key_pair': 'U hebt nog geen sleutelpaar. Maak er eerst een aan.',
    'keys.error_already_set_up': 'U hebt al een sleutelpaar.',
    'keys.error_not_needed': 'U hebt geen sleutelpaar nodig: met uw rollen ontvangt u geen meldingen.',
    'keys.error_changed_meanwhile':
      'Uw sleutel werd intussen al gewijzigd, bijvoorbeeld in een ander venster. Open de sleutelpagina opnieuw.',
    'keys.error_recovery_key_required': 'Vul uw herstelsleutel in.',
    'keys.error_recovery_key_format':
      'Dit is geen herstelsleutel: een herstelsleutel heeft 52 letters en cijfers, in groepjes van vier.',
    'keys.error_recovery_key_wrong': 'Deze herstelsleutel hoort niet bij uw sleutelpaar.',
    'keys.error_passphrase_too_short': 'Kies een sleutelwachtwoord van minstens 12 tekens.',
    'keys.error_passphrase_too_long': 'Het sleutelwachtwoord mag hoogstens 200 tekens lang zijn.',
    'keys.error_passphrase_contains_username': 'Het sleutelwachtwoord mag uw gebruikersnaam niet bevatten.',
    'keys.error_passphrase_contains_email': 'Het sleutelwachtwoord mag uw e-mailadres niet bevatten.',
    'keys.error_passphrase_too_common':
      'Dit sleutelwachtwoord is te makkelijk te raden. Kies iets minder voor de hand liggends, bijvoorbeeld een zin van enkele woorden.',

    'keys.account_heading': 'Sleutels voor meldingen',
    'keys.account_none': 'U hebt nog geen sleutelpaar om meldingen te lezen.',
    'keys.account_has': 'U hebt een sleutelpaar sinds {date}.',
    'keys.account_out_of_step':
      'Uw wachtwoord opent uw sleutel niet meer. Herstel hem met uw herstelsleutel.',
    'keys.account_link': 'Sleutels beheren',
  },
  {
    'keys.title': 'Keys for reports',
    'keys.lead':
      'Reports are stored encrypted. To read them you have a key pair of your own. Your secret key is protected by your password or by a separate key passphrase, and is only open while you are logged in.',
    'keys.back': 'Back to Keys for reports',
    'keys.notice_unlocked': 'Your key is open. You can read reports until you log out.',
    'keys.notice_locked': 'Your key is locked. Open it again when you want to read reports.',
    'keys.notice_recovered':
      'Your key has been recovered and protected again. Your recovery key stays valid.',
    'keys.not_needed':
      'You do not need a key pair: your roles do not receive reports. Only handlers, investigators and confidential counsellors have one.',
    'keys.not_needed_kept': 'Your existing key pair is kept, in case you get such a role again.',
    'keys.status': 'Status',
    'keys.status_none': 'No key pair',
    'keys.status_locked': 'Locked',
    'keys.status_unlocked': 'Open',
    'keys.created_at': 'Created on',
    'keys.wrapped_with': 'Protected by',
    'keys.wrapped_with_password': 'Your password',
    'keys.wrapped_with_passphrase': 'Your key passphrase',
    'keys.none_text':
      'You have no key pair yet. Until you have one, reports cannot be encrypted for you and you cannot read them.',
    'keys.none_action': 'Create key pair',
    'keys.unlocked_text':
      "Your key is open in this session: you can read the reports you have access to. When you log out, or after a while without activity, it is wiped from the server's memory.",
    'keys.lock_action': 'Lock key now',
    'keys.locked_text':
      'Your key is not open in this session. That happens when you log in through your organisation, after a restart of the server, after a while without activity, or when your password could not open it at login.',
    'keys.unlock_action': 'Open key',
    'keys.out_of_step':
      'Your password was changed, but your key could not be moved along (for example because your password was reset). Your password therefore no longer opens it. Recover it with your recovery key.',
    'keys.recovery_key_waiting':
      'Your new recovery key has not been shown yet. View and keep it now: it is shown only once.',
    'keys.recovery_key_waiting_link': 'View recovery key',
    'keys.recovery_heading': 'Recovery key',
    'keys.recovery_text':
      'Your recovery key opens your key when your password or key passphrase no longer can: you forgot it, or it was reset.',
    'keys.recover_link': 'Recover your key with your recovery key',
    'keys.replace_recovery_hint':
      'Lost your recovery key, or afraid someone else knows it? Make a new one. The old one stops working.',
    'keys.replace_recovery_action': 'Make a new recovery key',
    'keys.replace_recovery_secret_hint':
      'To confirm, so that nobody else using this session can replace your recovery key.',
    'keys.recovery_key_taken_title': 'Your key pair already existed',
    'keys.recovery_key_taken':
      'While you were logging in, a key pair was already made for you in another session and its recovery key shown there. That key pair stays in use; the one of this login was not kept. Open your key with your password to read reports.',
    'keys.how_heading': 'How does it work?',
    'keys.how_sealed':
      'Every report has a key of its own. It is encrypted for every recipient with access, with their public key.',
    'keys.how_secret':
      'Your secret key is stored only encrypted in the database. Nobody else, not even the administrator, can open it.',
    'keys.how_new':
      'Reports that arrived before you had a key pair are encrypted for you as soon as a colleague with access opens them.',

    'keys.unlock_title': 'Open key',
    'keys.unlock_lead_password':
      'To read reports, Integrity Desk opens your secret key. Enter the password you log in with.',
    'keys.unlock_lead_passphrase':
      "To read reports, Integrity Desk opens your secret key. Enter your key passphrase (not your organisation's password).",
    'keys.password_label': 'Password',
    'keys.passphrase_label': 'Key passphrase',
    'keys.unlock_submit': 'Open key',
    'keys.unlock_forgot':
      'Does your password or key passphrase no longer open the key? Use your recovery key.',

    'keys.setup_title': 'Create key pair',
    'keys.setup_lead_password':
      'Enter your password. Your secret key is protected by it and from now on opens by itself when you log in with your password.',
    'keys.setup_lead_passphrase':
      'You log in through your organisation, and Integrity Desk never sees that password. So choose a separate key passphrase. You enter it when you want to read reports.',
    'keys.setup_password_label': 'Your password',
    'keys.setup_passphrase_label': 'Key passphrase',
    'keys.passphrase_hint':
      "At least 12 characters. A sentence of a few words is strong and easy to remember. Do not use your organisation's password.",
    'keys.confirm_label': 'Confirm key passphrase',
    'keys.setup_after':
      'Next, your recovery key is shown once. Keep pen and paper or your password manager at hand.',
    'keys.setup_submit': 'Create key pair',
    'keys.setup_later': 'Later',

    'keys.recovery_key_title': 'Your recovery key',
    'keys.recovery_key_lead':
      'This recovery key opens your key when your password or key passphrase no longer can. Without it you could then no longer read your reports.',
    'keys.recovery_key_once':
      'This recovery key is shown only once. Nobody can retrieve it later, not even the administrator.',
    'keys.recovery_key_label': 'Recovery key',
    'keys.recovery_key_advice_title': 'How to keep it safe',
    'keys.recovery_key_advice_print':
      'Print this page or copy the key by hand, and keep the paper in a safe place, such as a locked cupboard.',
    'keys.recovery_key_advice_manager': 'Or keep it in a password manager, apart from your password.',
    'keys.recovery_key_advice_share':
      'Give it to nobody, not to a colleague nor to the helpdesk. Integrity Desk never asks for it, except on the recovery page.',
    'keys.recovery_key_advice_new':
      'Lost it? While your key is open, you can make a new one on the keys page.',
    'keys.recovery_key_continue': 'I have kept the recovery key, continue',
    'keys.recovery_key_gone_title': 'No recovery key to show',
    'keys.recovery_key_gone':
      'A recovery key is shown only once, right after it was made. Did you not keep it? Then make a new one on the keys page.',
    'keys.continue': 'Continue',

    'keys.recover_title': 'Recover your key',
    'keys.recover_lead_password':
      'Enter your recovery key and your current password. Your key is then protected again by that password.',
    'keys.recover_lead_passphrase':
      'Enter your recovery key and choose a new key passphrase. Your key is then protected again by it.',
    'keys.recovery_key_hint':
      '52 characters in groups of four, as you kept it. Capitals, spaces and dashes do not matter.',
    'keys.recover_password_label': 'Your current password',
    'keys.recover_passphrase_label': 'New key passphrase',
    'keys.recover_keeps':
      'Your recovery key stays valid afterwards. If you fear someone else knows it, make a new one on the keys page.',
    'keys.recover_submit': 'Recover key',

    'keys.error_secret_required': 'Enter your password or key passphrase.',
    'keys.error_secret_too_long': 'That is too long: a password has at most 200 characters.',
    'keys.error_unlock_wrong_password':
      'This password does not open your key. Was your password reset recently? Then recover your key with your recovery key.',
    'keys.error_unlock_wrong_passphrase':
      'This key passphrase does not open your key. Forgotten? Recover your key with your recovery key.',
    'keys.error_password_wrong': 'Your password is not correct.',
    'keys.error_confirm_mismatch': 'The two key passphrases are not the same.',
    'keys.error_throttled': 'Too many failed attempts. Wait 15 minutes, then try again.',
    'keys.error_no_key_pair': 'You have no key pair yet. Create one first.',
    'keys.error_already_set_up': 'You already have a key pair.',
    'keys.error_not_needed': 'You do not need a key pair: your roles do not receive reports.',
    'keys.error_changed_meanwhile':
      'Your key was changed in the meantime, for example in another window. Open the keys page again.',
    'keys.error_recovery_key_required': 'Enter your recovery key.',
    'keys.error_recovery_key_format':
      'This is not a recovery key: a recovery key has 52 letters and digits, in groups of four.',
    'keys.error_recovery_key_wrong': 'This recovery key does not belong to your key pair.',
    'keys.error_passphrase_too_short': 'Choose a key passphrase of at least 12 characters.',
    'keys.error_passphrase_too_long': 'The key passphrase can be at most 200 characters long.',
    'keys.error_passphrase_contains_username': 'The key passphrase must not contain your username.',
    'keys.error_passphrase_contains_email': 'The key passphrase must not contain your email address.',
    'keys.error_passphrase_too_common':
      'This key passphrase is too easy to guess. Choose something less obvious, for example a sentence of a few words.',

    'keys.account_heading': 'Keys for reports',
    'keys.account_none': 'You have no key pair to read reports yet.',
    'keys.account_has': 'You have had a key pair since {date}.',
    'keys.account_out_of_step': 'Your password no longer opens your key. Recover it with your recovery key.',
    'keys.account_link': 'Manage keys',
  },
);
