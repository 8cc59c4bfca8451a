import { defineMessages } from '../define.js';

/**
 * Words of the reporting domain shared by the reporter's and the handler's side: statuses,
 * identity choices, message kinds, reasons, and the notification e-mails (which never carry
 * content). Each side's pages have their own area file (reporting-*.ts).
 */
export const reportingMessages = defineMessages(
  {
    'reporting.status.received': 'Ontvangen',
    'reporting.status.acknowledged': 'Ontvangst bevestigd',
    'reporting.status.in_treatment': 'In behandeling',
    'reporting.status.closed': 'Afgesloten',

    'reporting.identity.anonymous': 'Anoniem',
    'reporting.identity.anonymous_hint':
      'We vragen en bewaren niets dat u identificeert. U volgt uw melding op met uw ontvangstcode. We kunnen u niet contacteren als u dat niet zelf doet.',
    'reporting.identity.confidential': 'Vertrouwelijk',
    'reporting.identity.confidential_hint':
      'U geeft uw naam en contactgegevens. Die worden apart en versleuteld bewaard. De behandelaar ziet ze alleen als hij ze bewust opvraagt met een reden, en dat wordt vastgelegd. Uw identiteit wordt niet zonder uw toestemming doorgegeven.',
    'reporting.identity.named': 'Met naam',
    'reporting.identity.named_hint':
      'U meldt met uw naam. De behandelaars van het kanaal zien wie u bent. Uw identiteit blijft beschermd: ze wordt niet zonder uw toestemming buiten de behandeling gedeeld.',

    'reporting.source.online': 'Online',
    'reporting.source.oral': 'Mondeling',

    'reporting.reason.reporter_objected': 'De melder wil geen ontvangstbevestiging',
    'reporting.reason.would_endanger_identity':
      'Een bevestiging zou de identiteit van de melder in gevaar brengen',
    'reporting.reason.already_closed': 'De melding werd al afgesloten',

    'reporting.kind.message': 'Bericht',
    'reporting.kind.acknowledgement': 'Ontvangstbevestiging',
    'reporting.kind.not_acknowledged': 'Geen ontvangstbevestiging',
    'reporting.kind.forwarded': 'Doorgestuurd',
    'reporting.kind.minutes': 'Verslag van een mondelinge melding',
    'reporting.kind.minutes_signed': 'Verslag ondertekend',
    'reporting.kind.minutes_corrections': 'Correcties op het verslag',
    'reporting.kind.status': 'Statuswijziging',

    'reporting.author.reporter': 'Melder',
    'reporting.author.handler': 'Behandelaar',
    'reporting.author.system': 'Integriteitsloket',

    'reporting.channel_unavailable':
      'Dit kanaal kan op dit moment geen meldingen ontvangen. Kies een ander kanaal of probeer het later opnieuw.',

    'reporting.mail.activity_subject': 'Nieuwe activiteit op melding {reference}',
    'reporting.mail.activity_body':
      'Er is nieuwe activiteit op melding {reference}.\n\nMeld u aan om ze te bekijken:\n{link}\n\nDit bericht bevat bewust geen inhoud van de melding.',
    'reporting.mail.reporter_subject': 'Nieuws over uw melding',
    'reporting.mail.reporter_body':
      'Er is nieuws over de melding die u deed bij het Integriteitsloket.\n\nGa naar {link} en geef uw ontvangstcode in om het te lezen.\n\nDit bericht bevat bewust geen inhoud van uw melding. U kreeg het omdat u dit e-mailadres opgaf om verwittigd te worden.',
  },
  {
    'reporting.status.received': 'Received',
    'reporting.status.acknowledged': 'Receipt acknowledged',
    'reporting.status.in_treatment': 'Being handled',
    'reporting.status.closed': 'Closed',

    'reporting.identity.anonymous': 'Anonymous',
    'reporting.identity.anonymous_hint':
      'We ask for and keep nothing that identifies you. You follow up your report with your receipt code. We cannot contact you unless you do.',
    'reporting.identity.confidential': 'Confidential',
    'reporting.identity.confidential_hint':
      'You give your name and contact details. They are kept apart and encrypted. The handler only sees them by asking for them on purpose, with a reason, and that is recorded. Your identity is not passed on without your consent.',
    'reporting.identity.named': 'Named',
    'reporting.identity.named_hint':
      'You report under your name. The handlers of the channel see who you are. Your identity stays protected: it is not shared outside the handling without your consent.',

    'reporting.source.online': 'Online',
    'reporting.source.oral': 'Oral',

    'reporting.reason.reporter_objected': 'The reporter does not want an acknowledgement',
    'reporting.reason.would_endanger_identity': "An acknowledgement would endanger the reporter's identity",
    'reporting.reason.already_closed': 'The report was already closed',

    'reporting.kind.message': 'Message',
    'reporting.kind.acknowledgement': 'Acknowledgement of receipt',
    'reporting.kind.not_acknowledged': 'No acknowledgement of receipt',
    'reporting.kind.forwarded': 'Forwarded',
    'reporting.kind.minutes': 'Minutes of an oral report',
    'reporting.kind.minutes_signed': 'Minutes signed',
    'reporting.kind.minutes_corrections': 'Corrections to the minutes',
    'reporting.kind.status': 'Status change',

    'reporting.author.reporter': 'Reporter',
    'reporting.author.handler': 'Handler',
    'reporting.author.system': 'Integrity Desk',

    'reporting.channel_unavailable':
      'This channel cannot receive reports at the moment. Choose another channel or try again later.',

    'reporting.mail.activity_subject': 'New activity on report {reference}',
    'reporting.mail.activity_body':
      'There is new activity on report {reference}.\n\nLog in to see it:\n{link}\n\nThis message deliberately contains nothing of the report.',
    'reporting.mail.reporter_subject': 'News about your report',
    'reporting.mail.reporter_body':
      'There is news about the report you made at the Integrity Desk.\n\nGo to {link} and enter your receipt code to read it.\n\nThis message deliberately contains nothing of your report. You received it because you gave this address to be notified.',
  },
);
