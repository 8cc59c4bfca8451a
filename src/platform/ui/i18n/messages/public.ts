import { defineMessages } from '../define.js';

/**
 * The public pages: home, the three pillars, the accessibility and privacy statements.
 * The Dutch text follows the Flemish government's own page on integrity (seed/000_…txt) where it
 * exists; the English is a faithful translation, not a summary.
 */
export const publicMessages = defineMessages(
  {
    'public.language.invalid': 'Deze taal bestaat niet op het Integriteitsloket.',

    'public.home.title': 'Integriteit binnen de Vlaamse overheid',
    'public.home.lead':
      'Correct omgaan met middelen én mensen, door iedereen. Hier leest u wat integriteit betekent, hoe het integriteitsbeleid werkt en wie u verder helpt.',
    'public.home.definition_heading': 'Wat is integriteit?',
    'public.home.definition_intro': 'De Vlaamse overheid definieert integriteit als',
    'public.home.definition':
      'het handelen volgens geschreven en ongeschreven waarden en normen die uitdrukking geven aan begrippen als rechtschapenheid, onschendbaarheid, onkreukbaarheid, zorgvuldigheid, zuiverheid van oogmerk, willens en wetens te goeder trouw zijn, betrouwbaarheid en geloofwaardigheid.',
    'public.home.values_heading': 'De waarden in die definitie',
    'public.home.value_uprightness': 'rechtschapenheid',
    'public.home.value_inviolability': 'onschendbaarheid',
    'public.home.value_incorruptibility': 'onkreukbaarheid',
    'public.home.value_diligence': 'zorgvuldigheid',
    'public.home.value_purity': 'zuiverheid van oogmerk',
    'public.home.value_good_faith': 'willens en wetens te goeder trouw zijn',
    'public.home.value_reliability': 'betrouwbaarheid',
    'public.home.value_credibility': 'geloofwaardigheid',
    'public.home.in_short':
      'Dit is een hele mond vol. Kortweg gaat het om correct omgaan met middelen én mensen door iedereen (van de top tot het operationele niveau).',
    'public.home.broad':
      'Die ruime definitie sluit aan bij de ruime visie op integriteitsbeleid van de Vlaamse Regering, die veel ruimer is dan de preventie en aanpak van corruptie en fraude. Het vormt de basis voor het vertrouwen van burgers in de overheid. Het bundelt de regels, normen en waarden die de leidraad vormen voor het dagelijks handelen van de medewerkers van de Vlaamse overheid.',
    'public.home.policy_heading': 'Een geïntegreerd en gecoördineerd beleid',
    'public.home.policy':
      'Daarom werkt de Vlaamse overheid aan de uitbouw van een geïntegreerd en gecoördineerd integriteitsbeleid. Een consequent integriteitsbeleid heeft namelijk een positieve invloed op het vertrouwen van burgers en bedrijven in de Vlaamse overheid. De Vlaamse overheid heeft op het vlak van integriteit een voorbeeldfunctie.',
    'public.home.instruments':
      'Om het integriteitsbeleid te voeren, ontwikkelt de Vlaamse overheid instrumenten, handleidingen en trainingen die personeelsleden en leidinggevenden helpen om integer te kunnen werken.',
    'public.home.pillars_heading': 'Drie pijlers',
    'public.home.pillars_intro':
      'Het integriteitsbeleid van de Vlaamse overheid is een combinatie van stimuleren en controleren en steunt op drie pijlers: preventie, controle/detectie en reactie/sanctie.',
    'public.home.pillar_prevention':
      'Integriteitsschendingen voorkomen, met duidelijke afspraken zoals de deontologische code en met instrumenten, handleidingen en trainingen.',
    'public.home.pillar_detection':
      'Het opvolgen van de afspraken en regelgeving, zowel door specifieke actoren zoals Audit Vlaanderen als door leidinggevenden en personeelsleden zelf.',
    'public.home.pillar_reaction':
      'Het optreden na de vaststelling van een schending en dus zorgen voor de gepaste sanctie en nazorg.',
    'public.home.actors_heading': 'Wie speelt een rol?',
    'public.home.actor_staff': 'Leidinggevenden en personeelsleden',
    'public.home.actor_staff_text':
      'Integriteit is een zaak van iedereen, van de top tot het operationele niveau. Leidinggevenden en personeelsleden spreken elkaar aan over mogelijke schendingen en geven schendingen door: dat is de meldingsplicht.',
    'public.home.actor_audit': 'Audit Vlaanderen',
    'public.home.actor_audit_text':
      'Staat in voor de interne controle bij de Vlaamse overheid en onderzoekt vermoedens van fraude en corruptie (forensische audit).',
    'public.home.actor_coordinator': 'De integriteitscoördinator',
    'public.home.actor_coordinator_text':
      'Coördineert het integriteitsbeleid: instrumenten, trainingen en risicoanalyses. Volgt het beleid op met cijfers over groepen, nooit met de inhoud van dossiers.',
    'public.home.actor_counselors': 'Vertrouwenspersonen en Spreekbuis',
    'public.home.actor_counselors_text':
      'Personeelsleden kunnen vertrouwelijk bij hen terecht met problemen op het werk, ook met vragen over integriteit. Zij luisteren, adviseren en verwijzen door, en maken uw identiteit nooit bekend zonder uw toestemming.',
    'public.home.actor_ombudsman': 'De Vlaamse Ombudsdienst',
    'public.home.actor_ombudsman_text':
      'Het externe meldkanaal. Wie een integriteitsschending niet intern kan of wil melden, kan bij de Vlaamse Ombudsdienst terecht.',
    'public.home.actor_1700': '1700',
    'public.home.actor_1700_text':
      'De informatiedienst voor al uw vragen aan de overheid. 1700 beantwoordt vragen van burgers en bezorgt vragen en meldingen over integriteit aan de bevoegde dienst.',
    'public.home.desk_heading': 'Wat brengt het Integriteitsloket samen?',
    'public.home.desk_intro':
      'Het Integriteitsloket is het platform waarmee de organisatie haar integriteitsbeleid voert:',
    'public.home.desk_information': 'uitleg over integriteit en de drie pijlers, op deze pagina’s;',
    'public.home.desk_reporting':
      'een meldkanaal voor vermoedens van integriteitsschendingen: met naam, vertrouwelijk of anoniem. Wie anoniem meldt, volgt de melding op met een ontvangstcode;',
    'public.home.desk_contact':
      'contact met 1700: een e-mail sturen (u ontvangt een kopie van uw bericht) of chatten met een medewerker;',
    'public.home.desk_staff':
      'voor medewerkers: instrumenten, trainingen, aangiftes van geschenken, nevenactiviteiten en belangenconflicten, en de opvolging van dossiers, elk volgens zijn rol.',

    'public.prevention.title': 'Preventie',
    'public.prevention.lead':
      'Integriteitsschendingen voorkomen begint bij duidelijke afspraken die iedereen kent, en bij instrumenten die helpen om in de praktijk integer te handelen.',
    'public.prevention.intro':
      'Preventie is de stimulerende kant van het integriteitsbeleid. De Vlaamse overheid ontwikkelt instrumenten, handleidingen en trainingen die personeelsleden en leidinggevenden helpen om integer te kunnen werken.',
    'public.prevention.code_heading': 'De deontologische code: vijf principes',
    'public.prevention.code_intro':
      'De deontologische code beschrijft wat van elk personeelslid verwacht wordt. Ze steunt op vijf principes.',
    'public.prevention.principle_objectivity': 'Objectiviteit',
    'public.prevention.principle_objectivity_text':
      'U behandelt iedereen gelijk en beslist op basis van feiten en regels, niet op basis van persoonlijke belangen, voorkeuren of geschenken.',
    'public.prevention.principle_resources': 'Zorgvuldig beheer van middelen',
    'public.prevention.principle_resources_text':
      'U gaat zuinig en correct om met de middelen van de overheid: geld, materiaal, tijd, informatie en ICT.',
    'public.prevention.principle_speak': 'Spreekrecht en spreekplicht',
    'public.prevention.principle_speak_text':
      'U mag uw mening uiten, met respect voor de discretie die uw functie vraagt. En u spreekt: onregelmatigheden die u vaststelt, meldt u.',
    'public.prevention.principle_customer': 'Klantgerichtheid',
    'public.prevention.principle_customer_text':
      'U helpt burgers, bedrijven en collega’s correct, vlot en respectvol, en u gaat vertrouwelijk om met hun gegevens.',
    'public.prevention.principle_loyalty': 'Loyaliteit en samenwerken',
    'public.prevention.principle_loyalty_text':
      'U voert de beslissingen van de overheid loyaal uit en werkt constructief samen met collega’s en andere diensten.',
    'public.prevention.themes_heading': 'Afspraken voor situaties die vaak voorkomen',
    'public.prevention.gifts_heading': 'Geschenken en uitnodigingen',
    'public.prevention.gifts':
      'Geschenken en uitnodigingen weigert u als regel. U mag ze alleen aanvaarden als ze tegelijk een geringe materiële waarde hebben, in het belang van de organisatie zijn en passen in de context van uw werk. Uw leidinggevende wordt altijd op de hoogte gebracht.',
    'public.prevention.conflicts_heading': 'Belangenvermenging',
    'public.prevention.conflicts':
      'Hebt u een persoonlijk belang bij een dossier, dan meldt u dat en geeft u het dossier door aan een collega. Ook na een vertrek blijft waakzaamheid nodig: een gewezen personeelslid dat binnen twee jaar na zijn vertrek tussenkomt in een overheidsopdracht, kan een belangenconflict vormen (de draaideur).',
    'public.prevention.side_heading': 'Nevenactiviteiten',
    'public.prevention.side':
      'Voor een nevenactiviteit buiten de werkuren helpt een zelftest u in te schatten of ze verenigbaar is met uw functie. Voor een nevenactiviteit tijdens de werkuren of tijdens een verlof hebt u de toestemming van uw leidinggevende nodig; vrijwilligerswerk tijdens een verlof is daarvan uitgezonderd.',
    'public.prevention.confidentiality_heading': 'Vertrouwelijkheid',
    'public.prevention.confidentiality':
      'Informatie die u door uw functie kent, gebruikt u alleen voor uw werk. Die discretieplicht blijft gelden nadat u de organisatie verlaten hebt.',
    'public.prevention.ict_heading': 'De ICT-code',
    'public.prevention.ict':
      'De ICT-code bevat de afspraken over het correcte gebruik van computers, e-mail, internet en gegevens van de overheid.',
    'public.prevention.risk_heading': 'Kwetsbare functies en risicoanalyse',
    'public.prevention.risk_intro':
      'Sommige functies lopen meer risico op integriteitsschendingen. Dat zijn vooral functies in zes werkdomeinen:',
    'public.prevention.area_collect': 'innen: geld of heffingen ontvangen;',
    'public.prevention.area_pay': 'uitkeren: uitkeringen, subsidies of betalingen toekennen;',
    'public.prevention.area_grant': 'verlenen: vergunningen of erkenningen toekennen;',
    'public.prevention.area_enforce': 'handhaven: controleren en sanctioneren;',
    'public.prevention.area_contract': 'uitbesteden: opdrachten aan derden geven en aankopen;',
    'public.prevention.area_assess': 'beoordelen: aanvragen of prestaties beoordelen.',
    'public.prevention.risk_method':
      'Met een jaarlijkse zelfevaluatie brengen diensten hun kwetsbare processen in kaart, beoordelen ze hoe goed hun beheersmaatregelen werken en spreken ze verbeteracties af, elk met een verantwoordelijke en een termijn.',
    'public.prevention.training_heading': 'Trainingen en dilemma’s',
    'public.prevention.training':
      'Trainingen maken integriteit bespreekbaar; voor kwetsbare functies zijn ze verplicht. In een dilemmasessie bespreken collega’s concrete situaties waarin waarden botsen. Er is zelden één juist antwoord, en net daarom helpt het gesprek.',
    'public.prevention.lessons_heading': 'Leren uit dossiers',
    'public.prevention.lessons':
      'Wat afgesloten dossiers leren, vloeit terug naar de preventie: het voedt de risicoanalyse en bepaalt welke trainingen nodig zijn.',

    'public.detection.title': 'Detectie en controle',
    'public.detection.lead':
      'Het opvolgen van de afspraken en regelgeving, zowel door specifieke actoren als door leidinggevenden en personeelsleden zelf.',
    'public.detection.who_heading': 'Wie volgt op?',
    'public.detection.who_audit':
      'Specifieke actoren zoals Audit Vlaanderen, die instaat voor interne controle bij de Vlaamse overheid. Audit Vlaanderen voert audits uit, doet aanbevelingen en onderzoekt vermoedens van fraude en corruptie.',
    'public.detection.who_staff':
      'Leidinggevenden en personeelsleden zelf: bijvoorbeeld elkaar aanspreken over eventuele schendingen, het doorgeven van bepaalde schendingen en dus voldoen aan de meldingsplicht, problemen melden bij Spreekbuis.',
    'public.detection.duty_heading': 'De meldingsplicht',
    'public.detection.duty':
      'Stelt u als personeelslid een onregelmatigheid vast, dan brengt u onmiddellijk uw functionele chef op de hoogte, of rechtstreeks Audit Vlaanderen.',
    'public.detection.duty_crime':
      'Kan het om een misdaad of een wanbedrijf gaan, dan moet elke ambtenaar die er kennis van krijgt, dat onmiddellijk melden aan de procureur des Konings (artikel 29 van het Wetboek van Strafvordering).',
    'public.detection.channels_heading': 'Waar kunt u terecht?',
    'public.detection.channels_intro': 'Kies de weg die bij uw situatie past:',
    'public.detection.channel_colleague': 'Spreek de betrokken collega aan, als dat veilig kan.',
    'public.detection.channel_manager': 'Bespreek het met uw leidinggevende.',
    'public.detection.channel_counselor':
      'Vraag vertrouwelijk advies aan een vertrouwenspersoon of aan Spreekbuis. Zij leggen u ook uit wat de meldingsplicht voor u betekent.',
    'public.detection.channel_internal':
      'Meld het bij het interne meldpunt voor integriteit of bij Audit Vlaanderen.',
    'public.detection.channel_external': 'Meld het extern, bij de Vlaamse Ombudsdienst.',
    'public.detection.protection_heading': 'Bescherming voor wie meldt',
    'public.detection.protection_intro':
      'Het Bestuursdecreet en de Europese klokkenluidersrichtlijn (EU) 2019/1937 beschermen wie een vermoeden van een integriteitsschending meldt:',
    'public.detection.protection_recorded':
      'elke melding wordt geregistreerd; u krijgt binnen zeven dagen een ontvangstbevestiging en binnen drie maanden een terugkoppeling over wat ermee gebeurt;',
    'public.detection.protection_identity':
      'uw identiteit blijft vertrouwelijk, net als alles waaruit ze kan worden afgeleid;',
    'public.detection.protection_involved': 'niemand die bij de feiten betrokken is, behandelt uw melding;',
    'public.detection.protection_retaliation':
      'represailles zijn verboden, zonder beperking in de tijd. Krijgt u na uw melding toch nadelige gevolgen, dan moet de werkgever bewijzen dat die niets met uw melding te maken hebben;',
    'public.detection.protection_anonymous':
      'u kunt ook anoniem melden. U krijgt dan een ontvangstcode waarmee u, en alleen u, de melding opvolgt en berichten uitwisselt.',
    'public.detection.citizens_heading': 'Als burger of bedrijf',
    'public.detection.citizens':
      'Ook burgers en bedrijven kunnen een vermoeden van een integriteitsschending melden, of met een vraag terecht bij 1700, de informatiedienst voor al uw vragen aan de overheid. 1700 bezorgt uw vraag of melding aan de bevoegde dienst.',

    'public.reaction.title': 'Reactie en sanctie',
    'public.reaction.lead':
      'Het optreden na de vaststelling van een schending en dus zorgen voor de gepaste sanctie en nazorg.',
    'public.reaction.process_heading': 'Van melding tot besluit',
    'public.reaction.process':
      'Elke melding krijgt een dossier. Eerst wordt nagegaan of de melding ontvankelijk is, wie bevoegd is en of het om een misdrijf kan gaan. Zo nodig volgen een vooronderzoek en een onderzoek. Het onderzoek eindigt met een besluit: geen schending, een vastgestelde schending, een ongegronde melding of een doorverwijzing. Elke beslissing wordt gemotiveerd.',
    'public.reaction.proportion_heading': 'Een reactie in verhouding',
    'public.reaction.proportion_intro':
      'Niet elke schending vraagt dezelfde reactie. De reactie staat in verhouding tot de ernst van de feiten en kan onder meer zijn:',
    'public.reaction.reaction_talk': 'een informeel gesprek;',
    'public.reaction.reaction_warning': 'een schriftelijke waarschuwing;',
    'public.reaction.reaction_evaluation': 'een negatieve evaluatie;',
    'public.reaction.reaction_discipline': 'een tuchtvoorstel;',
    'public.reaction.reaction_prosecutor': 'een doorverwijzing naar het parket of de anticorruptiepolitie;',
    'public.reaction.reaction_contract':
      'een arbeidsrechtelijke maatregel voor contractuele personeelsleden.',
    'public.reaction.suspension':
      'Een schorsing in het belang van de dienst is geen sanctie, maar een voorlopige maatregel, bijvoorbeeld zolang een onderzoek of tuchtprocedure loopt.',
    'public.reaction.sanctions_heading': 'Tuchtstraffen voor statutaire personeelsleden',
    'public.reaction.sanctions_intro':
      'Het Vlaams Personeelsstatuut (deel VIII) bepaalt welke tuchtstraffen mogelijk zijn. Het is een gesloten lijst, van licht naar zwaar:',
    'public.reaction.sanction_reprimand': 'de blaam;',
    'public.reaction.sanction_withholding':
      'de inhouding van salaris, voor hoogstens drie maanden en hoogstens een vijfde van het nettosalaris;',
    'public.reaction.sanction_suspension': 'de tuchtschorsing, voor hoogstens drie maanden;',
    'public.reaction.sanction_lower_scale': 'de toekenning van een lagere salarisschaal;',
    'public.reaction.sanction_demotion': 'de terugzetting in graad;',
    'public.reaction.sanction_dismissal': 'het ontslag van ambtswege;',
    'public.reaction.sanction_removal': 'de afzetting.',
    'public.reaction.procedure_heading': 'Hoe verloopt de tuchtprocedure?',
    'public.reaction.procedure_proposal': 'Een functionele chef doet een schriftelijk tuchtvoorstel.',
    'public.reaction.procedure_authority':
      'Een hogere chef van rang A1 of hoger spreekt de straf uit. Wie het voorstel deed, beslist nooit zelf.',
    'public.reaction.procedure_period':
      'Alleen feiten die zijn vastgesteld in de zes maanden vóór het voorstel, kunnen tot een tuchtstraf leiden.',
    'public.reaction.procedure_hearing':
      'Binnen vijftien kalenderdagen na het voorstel wordt het personeelslid opgeroepen om gehoord te worden.',
    'public.reaction.aftercare_heading': 'Nazorg',
    'public.reaction.aftercare_intro': 'Een dossier is niet afgelopen met de sanctie. Er is nazorg voor:',
    'public.reaction.aftercare_reporter':
      'wie meldde: er wordt opgevolgd dat er geen represailles volgen, zoals ontslag, terugzetting, het afnemen van taken, een negatieve evaluatie of intimidatie;',
    'public.reaction.aftercare_victims': 'slachtoffers;',
    'public.reaction.aftercare_team': 'het team waarin de schending gebeurde;',
    'public.reaction.aftercare_person': 'de betrokkene zelf, na de sanctie.',
    'public.reaction.discretion':
      'Over een maatregel wordt discreet gecommuniceerd: collega’s horen wat ze moeten weten, nooit de inhoud van het dossier.',
    'public.reaction.lessons': 'Wat een dossier leert, vloeit terug naar de preventie.',
    'public.reaction.lessons_link': 'Lees meer over preventie',

    'public.accessibility.title': 'Toegankelijkheidsverklaring',
    'public.accessibility.intro':
      'De organisatie die dit Integriteitsloket beheert, wil het voor iedereen bruikbaar maken, ook voor mensen met een beperking. Deze verklaring geldt voor alle pagina’s van het Integriteitsloket.',
    'public.accessibility.status_heading': 'Nalevingsstatus',
    'public.accessibility.status':
      'Het Integriteitsloket is gedeeltelijk in overeenstemming met de Web Content Accessibility Guidelines (WCAG) 2.1 niveau AA en met de Europese norm EN 301 549. Het is gebouwd om aan alle criteria te voldoen, maar het is nog niet onafhankelijk gekeurd en sommige inhoud valt buiten onze controle; zie hieronder.',
    'public.accessibility.measures_heading': 'Wat we doen',
    'public.accessibility.measure_keyboard':
      'Alles werkt met het toetsenbord, met een zichtbare focus en een link om de navigatie over te slaan.',
    'public.accessibility.measure_no_script': 'Alle pagina’s werken zonder JavaScript.',
    'public.accessibility.measure_contrast':
      'Tekst en bedieningselementen hebben voldoende kleurcontrast, en informatie wordt nooit alleen met kleur gegeven.',
    'public.accessibility.measure_zoom':
      'U kunt de tekst tot 400 % vergroten zonder dat inhoud verloren gaat of u horizontaal moet scrollen.',
    'public.accessibility.measure_forms':
      'Formulieren hebben zichtbare labels; fouten worden bovenaan opgesomd en bij het veld zelf uitgelegd.',
    'public.accessibility.measure_structure':
      'Pagina’s hebben een logische opbouw met koppen en herkenningspunten, en de taal van de pagina is ingesteld.',
    'public.accessibility.limits_heading': 'Niet-toegankelijke inhoud',
    'public.accessibility.limit_audit':
      'Het Integriteitsloket is nog niet gekeurd door een onafhankelijke audit met gebruikers van hulptechnologie. Tot dat gebeurd is, kunnen er problemen zijn die we niet kennen.',
    'public.accessibility.limit_uploads':
      'Bestanden die gebruikers zelf opladen, zoals bijlagen bij een melding, kunnen ontoegankelijk zijn. Hun inhoud valt buiten onze controle; vraag gerust een toegankelijke versie.',
    'public.accessibility.preparation_heading': 'Opstelling van deze verklaring',
    'public.accessibility.preparation':
      'Deze verklaring is opgesteld op 28 november 2026, op basis van een zelfbeoordeling: geautomatiseerde controles met axe-core op de pagina’s, bij elke wijziging van de software, en handmatige controles met het toetsenbord en met vergroting.',
    'public.accessibility.feedback_heading': 'Een toegankelijkheidsprobleem melden',
    'public.accessibility.feedback':
      'Kunt u iets op het Integriteitsloket niet gebruiken, of hebt u informatie nodig in een andere vorm? Laat het ons weten via 1700, de informatiedienst van de overheid (gratis, op werkdagen van 9 tot 19 uur), of via de contactgegevens van de organisatie die dit Integriteitsloket beheert. Vermeld de pagina, wat er misgaat en welke hulpmiddelen u gebruikt.',
    'public.accessibility.feedback_response':
      'U krijgt binnen vijf werkdagen een ontvangstbevestiging. Binnen twintig werkdagen lossen we het probleem op of bieden we u de informatie op een andere manier aan.',
    'public.accessibility.enforcement_heading': 'Handhavingsprocedure',
    'public.accessibility.enforcement':
      'Bent u niet tevreden met ons antwoord, of hebt u binnen twintig werkdagen geen antwoord gekregen? Dan kunt u gratis een klacht indienen bij de Vlaamse Ombudsdienst.',
    'public.accessibility.ombudsman_name': 'Vlaamse Ombudsdienst',
    'public.accessibility.ombudsman_address': 'Leuvenseweg 86, 1000 Brussel',
    'public.accessibility.ombudsman_phone': 'Gratis telefoonnummer: 0800 240 50',
    'public.accessibility.ombudsman_website': 'Website:',
    'public.accessibility.ombudsman_url': 'https://www.vlaamseombudsdienst.be',

    'public.privacy.title': 'Privacyverklaring',
    'public.privacy.intro':
      'Het Integriteitsloket verwerkt niet meer persoonsgegevens dan nodig. Deze verklaring legt uit welke gegevens het bewaart, waarom, hoe lang, en welke rechten u hebt.',
    'public.privacy.controller_heading': 'Wie is verantwoordelijk?',
    'public.privacy.controller':
      'De organisatie die dit Integriteitsloket beheert, is verantwoordelijk voor de verwerking van uw persoonsgegevens (de verwerkingsverantwoordelijke), volgens de Algemene Verordening Gegevensbescherming (AVG).',
    'public.privacy.stored_heading': 'Welke gegevens bewaren we?',
    'public.privacy.visitors_heading': 'Als u deze website bezoekt',
    'public.privacy.visitors':
      'We bewaren niets over u, behalve de cookies hieronder in uw eigen browser. Uw IP-adres en uw browsergegevens (user agent) slaan we niet op, ook niet in logbestanden. Er zijn geen statistiek- of advertentiecookies, en niets wordt van andere websites geladen.',
    'public.privacy.reporters_heading': 'Als u een melding doet',
    'public.privacy.reporters':
      'We bewaren wat u meldt en wat u zelf over u kiest te delen: met naam, vertrouwelijk of anoniem. Meldingen worden versleuteld bewaard, zodat alleen wie uw melding behandelt ze kan lezen. Een ontvangstcode bewaren we alleen in een vorm die niet terug te rekenen is. Van melders bewaren we nooit een IP-adres of browsergegevens.',
    'public.privacy.contact_heading': 'Als u contact opneemt via 1700',
    'public.privacy.contact':
      'We bewaren uw naam, uw e-mailadres, uw vraag en het gesprek dat volgt, om u te kunnen antwoorden. Ook dan bewaren we geen IP-adres of browsergegevens. Chats en e-mailgesprekken worden automatisch verwijderd 90 dagen na het laatste bericht (de organisatie kan die termijn aanpassen).',
    'public.privacy.staff_heading': 'Als u een account hebt (medewerkers)',
    'public.privacy.staff':
      'We bewaren uw naam, e-mailadres, entiteit, leidinggevende en rollen; uw wachtwoord alleen als een onomkeerbare hash; het geheim van uw tweede factor; en uw sessies. Een beveiligingslogboek houdt bij wie zich aanmeldt en wie gebruikers, rollen of instellingen wijzigt; bij die gebeurtenissen van medewerkers bewaren we ook het IP-adres en de browsergegevens.',
    'public.privacy.purpose_heading': 'Waarom?',
    'public.privacy.purpose':
      'We gebruiken uw gegevens alleen om meldingen en vragen te behandelen, om het integriteitsbeleid uit te voeren en om het platform te beveiligen. Dat is een wettelijke verplichting (het Bestuursdecreet en de Europese klokkenluidersrichtlijn) en een taak van algemeen belang (artikel 6, lid 1, c en e, AVG). We gebruiken uw gegevens voor niets anders, verkopen ze niet en geven ze niet door, tenzij de wet dat oplegt, bijvoorbeeld aan het parket.',
    'public.privacy.access_heading': 'Wie ziet uw gegevens?',
    'public.privacy.access':
      'Alleen wie ze voor zijn rol nodig heeft. Een melding is alleen zichtbaar voor wie ze behandelt; wie bij de feiten betrokken is, krijgt er geen toegang toe. Beheerders en de integriteitscoördinator zien de inhoud van dossiers niet; de coördinator ziet alleen cijfers over groepen die groot genoeg zijn om niemand herkenbaar te maken.',
    'public.privacy.retention_heading': 'Hoe lang bewaren we uw gegevens?',
    'public.privacy.retention_sessions':
      'Een sessie van een medewerker eindigt standaard na 30 minuten zonder activiteit en in elk geval na 12 uur.',
    'public.privacy.retention_cases':
      'Meldingen, dossiers en contactgesprekken bewaren we zolang de organisatie ze nodig heeft; daarna worden ze automatisch verwijderd, volgens de bewaartermijnen die de organisatie instelt.',
    'public.privacy.retention_audit':
      'Het beveiligingslogboek bewaren we zolang nodig is om misbruik te kunnen onderzoeken.',
    'public.privacy.rights_heading': 'Uw rechten',
    'public.privacy.rights_intro': 'Volgens de AVG hebt u het recht om:',
    'public.privacy.right_access': 'uw gegevens in te zien;',
    'public.privacy.right_rectification': 'onjuiste gegevens te laten verbeteren;',
    'public.privacy.right_erasure': 'uw gegevens te laten wissen als we ze niet meer nodig hebben;',
    'public.privacy.right_restriction': 'de verwerking te laten beperken;',
    'public.privacy.right_objection': 'bezwaar te maken tegen de verwerking.',
    'public.privacy.rights_limits':
      'Die rechten kunnen beperkt worden als dat nodig is om de identiteit van een melder of het verloop van een onderzoek te beschermen; we leggen u dan uit waarom. Een anonieme melder kunnen we alleen herkennen aan de ontvangstcode.',
    'public.privacy.complaint':
      'Bent u niet tevreden over hoe we met uw gegevens omgaan, dan kunt u een klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens.',
    'public.privacy.dpo_heading': 'De functionaris voor gegevensbescherming',
    'public.privacy.dpo':
      'Voor vragen over uw gegevens of om uw rechten uit te oefenen, contacteert u de functionaris voor gegevensbescherming van de organisatie die dit Integriteitsloket beheert. U vindt de contactgegevens op de website van die organisatie, of u vraagt ze via 1700.',
    'public.privacy.cookies_heading': 'Cookies',
    'public.privacy.cookies_intro':
      'Het Integriteitsloket gebruikt alleen cookies die nodig zijn om de website te laten werken; daarvoor is geen toestemming nodig. Er zijn geen cookies van derden, voor statistieken of voor reclame.',
    'public.privacy.cookies_caption': 'Cookies van het Integriteitsloket',
    'public.privacy.cookie_name': 'Naam',
    'public.privacy.cookie_purpose': 'Doel',
    'public.privacy.cookie_duration': 'Bewaartermijn',
    'public.privacy.cookie_lang_purpose': 'Onthoudt de taal die u koos.',
    'public.privacy.cookie_lang_duration': '1 jaar',
    'public.privacy.cookie_csrf_purpose':
      'Beveiliging: beschermt formulieren tegen misbruik vanaf andere websites.',
    'public.privacy.cookie_csrf_duration': 'Tot u de browser sluit',
    'public.privacy.cookie_sid_purpose': 'Houdt een medewerker aangemeld; alleen na het aanmelden.',
    'public.privacy.cookie_sid_duration': 'Tot u zich afmeldt of de browser sluit',
    'public.privacy.cookie_report_draft_purpose':
      'Houdt uw melding bij terwijl u het formulier invult (de tekst zelf blijft alleen in het geheugen van de server, tot u verstuurt).',
    'public.privacy.cookie_report_session_purpose':
      'Houdt u aangemeld in uw meldingsbrievenbus nadat u uw ontvangstcode hebt ingegeven.',
    'public.privacy.cookie_report_session_duration':
      'Tot u afsluit, na 30 minuten zonder activiteit, of tot u de browser sluit',
    'public.privacy.cookie_chat_purpose':
      'De enige sleutel tot uw chatgesprek met 1700: zo vindt u uw plaats in de wachtrij en uw gesprek terug als u de pagina herlaadt.',
    'public.privacy.cookie_contact_visitor_purpose':
      'Een willekeurige code waarmee een medewerker van 1700 uw eerdere gesprekken vanuit deze browser kan terugvinden. Er staat niets over u in.',
    'public.privacy.cookie_contact_visitor_duration': '90 dagen',
  },
  {
    'public.language.invalid': 'This language does not exist on Integrity Desk.',

    'public.home.title': 'Integrity in the Flemish government',
    'public.home.lead':
      'Handling resources and people correctly, by everyone. Here you can read what integrity means, how the integrity policy works and who can help you further.',
    'public.home.definition_heading': 'What is integrity?',
    'public.home.definition_intro': 'The Flemish government defines integrity as',
    'public.home.definition':
      'acting in accordance with written and unwritten values and norms that express notions such as uprightness, inviolability, incorruptibility, diligence, purity of purpose, acting knowingly and willingly in good faith, reliability and credibility.',
    'public.home.values_heading': 'The values in that definition',
    'public.home.value_uprightness': 'uprightness',
    'public.home.value_inviolability': 'inviolability',
    'public.home.value_incorruptibility': 'incorruptibility',
    'public.home.value_diligence': 'diligence',
    'public.home.value_purity': 'purity of purpose',
    'public.home.value_good_faith': 'acting knowingly and willingly in good faith',
    'public.home.value_reliability': 'reliability',
    'public.home.value_credibility': 'credibility',
    'public.home.in_short':
      'That is quite a mouthful. In short, it is about handling resources and people correctly, by everyone (from the top to the operational level).',
    'public.home.broad':
      'This broad definition matches the broad vision of integrity policy held by the Flemish Government, which goes much further than preventing and tackling corruption and fraud. It is the basis of citizens’ trust in government. It brings together the rules, norms and values that guide the daily conduct of the staff of the Flemish government.',
    'public.home.policy_heading': 'An integrated and coordinated policy',
    'public.home.policy':
      'That is why the Flemish government is building an integrated and coordinated integrity policy: a consistent integrity policy has a positive effect on the trust of citizens and businesses in the Flemish government. In matters of integrity, the Flemish government has to set an example.',
    'public.home.instruments':
      'To carry out the integrity policy, the Flemish government develops instruments, manuals and trainings that help staff and managers to work with integrity.',
    'public.home.pillars_heading': 'Three pillars',
    'public.home.pillars_intro':
      'The integrity policy of the Flemish government combines encouraging and checking, and rests on three pillars: prevention, control/detection and reaction/sanction.',
    'public.home.pillar_prevention':
      'Preventing integrity violations, with clear agreements such as the code of conduct and with instruments, manuals and trainings.',
    'public.home.pillar_detection':
      'Following up on agreements and regulations, both by specific actors such as Audit Vlaanderen and by managers and staff themselves.',
    'public.home.pillar_reaction':
      'Acting once a violation has been established, and so ensuring the appropriate sanction and aftercare.',
    'public.home.actors_heading': 'Who plays a part?',
    'public.home.actor_staff': 'Managers and staff',
    'public.home.actor_staff_text':
      'Integrity is everyone’s business, from the top to the operational level. Managers and staff address each other about possible violations and pass violations on: that is the duty to report.',
    'public.home.actor_audit': 'Audit Vlaanderen',
    'public.home.actor_audit_text':
      'Responsible for internal control in the Flemish government; it also investigates suspected fraud and corruption (forensic audit).',
    'public.home.actor_coordinator': 'The integrity coordinator',
    'public.home.actor_coordinator_text':
      'Coordinates the integrity policy: instruments, trainings and risk analyses. Follows the policy up with figures about groups, never with the content of cases.',
    'public.home.actor_counselors': 'Confidential counselors and Spreekbuis',
    'public.home.actor_counselors_text':
      'Staff can turn to them in confidence with problems at work, including questions about integrity. They listen, advise and refer, and never reveal your identity without your consent.',
    'public.home.actor_ombudsman': 'The Flemish Ombudsman’s Service (Vlaamse Ombudsdienst)',
    'public.home.actor_ombudsman_text':
      'The external reporting channel. Anyone who cannot or does not want to report an integrity violation internally can turn to the Flemish Ombudsman’s Service.',
    'public.home.actor_1700': '1700',
    'public.home.actor_1700_text':
      'The information service for all your questions to the government. 1700 answers citizens’ questions and passes questions and reports about integrity on to the competent service.',
    'public.home.desk_heading': 'What does Integrity Desk bring together?',
    'public.home.desk_intro':
      'Integrity Desk is the platform with which the organisation runs its integrity policy:',
    'public.home.desk_information': 'information about integrity and the three pillars, on these pages;',
    'public.home.desk_reporting':
      'a reporting channel for suspected integrity violations: named, confidential or anonymous. Anyone who reports anonymously follows the report up with a receipt code;',
    'public.home.desk_contact':
      'contact with 1700: send an e-mail (you receive a copy of your message) or chat with an agent;',
    'public.home.desk_staff':
      'for staff: instruments, trainings, declarations of gifts, side activities and conflicts of interest, and the follow-up of cases, each according to their role.',

    'public.prevention.title': 'Prevention',
    'public.prevention.lead':
      'Preventing integrity violations starts with clear agreements that everyone knows, and with instruments that help people act with integrity in practice.',
    'public.prevention.intro':
      'Prevention is the encouraging side of the integrity policy. The Flemish government develops instruments, manuals and trainings that help staff and managers to work with integrity.',
    'public.prevention.code_heading': 'The code of conduct: five principles',
    'public.prevention.code_intro':
      'The code of conduct (deontologische code) describes what is expected of every member of staff. It rests on five principles.',
    'public.prevention.principle_objectivity': 'Objectivity',
    'public.prevention.principle_objectivity_text':
      'You treat everyone equally and decide on the basis of facts and rules, not of personal interests, preferences or gifts.',
    'public.prevention.principle_resources': 'Careful management of resources',
    'public.prevention.principle_resources_text':
      'You use the government’s resources economically and correctly: money, equipment, time, information and ICT.',
    'public.prevention.principle_speak': 'The right and the duty to speak',
    'public.prevention.principle_speak_text':
      'You may express your opinion, with respect for the discretion your job requires. And you speak up: you report the irregularities you observe.',
    'public.prevention.principle_customer': 'Customer focus',
    'public.prevention.principle_customer_text':
      'You help citizens, businesses and colleagues correctly, promptly and respectfully, and you handle their data in confidence.',
    'public.prevention.principle_loyalty': 'Loyalty and cooperation',
    'public.prevention.principle_loyalty_text':
      'You carry out the government’s decisions loyally and work constructively with colleagues and other services.',
    'public.prevention.themes_heading': 'Agreements for common situations',
    'public.prevention.gifts_heading': 'Gifts and invitations',
    'public.prevention.gifts':
      'As a rule, you refuse gifts and invitations. You may accept them only if all three conditions hold: they have a low material value, they are in the interest of the organisation and they fit the context of your work. Your manager is always informed.',
    'public.prevention.conflicts_heading': 'Conflicts of interest',
    'public.prevention.conflicts':
      'If you have a personal interest in a file, you say so and hand the file over to a colleague. Vigilance is needed after leaving too: a former member of staff who intervenes in a public contract within two years of leaving may create a conflict of interest (the revolving door).',
    'public.prevention.side_heading': 'Side activities',
    'public.prevention.side':
      'For a side activity outside working hours, a self-test helps you judge whether it is compatible with your job. A side activity during working hours or during leave needs your manager’s permission; volunteering during leave is the exception.',
    'public.prevention.confidentiality_heading': 'Confidentiality',
    'public.prevention.confidentiality':
      'Information you know through your job is for your work only. This duty of discretion continues after you have left the organisation.',
    'public.prevention.ict_heading': 'The ICT code',
    'public.prevention.ict':
      'The ICT code sets out the agreements on the correct use of the government’s computers, e-mail, internet and data.',
    'public.prevention.risk_heading': 'Vulnerable functions and risk analysis',
    'public.prevention.risk_intro':
      'Some functions run a higher risk of integrity violations. These are mainly functions in six areas of work:',
    'public.prevention.area_collect': 'collecting: receiving money or levies;',
    'public.prevention.area_pay': 'paying out: granting benefits, subsidies or payments;',
    'public.prevention.area_grant': 'granting: issuing permits or approvals;',
    'public.prevention.area_enforce': 'enforcing: inspecting and imposing sanctions;',
    'public.prevention.area_contract': 'contracting out: awarding contracts to third parties and purchasing;',
    'public.prevention.area_assess': 'assessing: assessing applications or performance.',
    'public.prevention.risk_method':
      'With a yearly self-assessment, services map their vulnerable processes, judge how well their controls work and agree on improvements, each with an owner and a deadline.',
    'public.prevention.training_heading': 'Trainings and dilemmas',
    'public.prevention.training':
      'Trainings make integrity something people can talk about; for vulnerable functions they are mandatory. In a dilemma session, colleagues discuss real situations in which values clash. There is rarely one right answer, which is exactly why the conversation helps.',
    'public.prevention.lessons_heading': 'Learning from cases',
    'public.prevention.lessons':
      'What concluded cases teach flows back into prevention: it feeds the risk analysis and decides which trainings are needed.',

    'public.detection.title': 'Detection and control',
    'public.detection.lead':
      'Following up on agreements and regulations, both by specific actors and by managers and staff themselves.',
    'public.detection.who_heading': 'Who follows up?',
    'public.detection.who_audit':
      'Specific actors such as Audit Vlaanderen, which is responsible for internal control in the Flemish government. Audit Vlaanderen carries out audits, makes recommendations and investigates suspected fraud and corruption.',
    'public.detection.who_staff':
      'Managers and staff themselves: for example by addressing each other about possible violations, by passing certain violations on and so meeting the duty to report, and by reporting problems to Spreekbuis.',
    'public.detection.duty_heading': 'The duty to report',
    'public.detection.duty':
      'If, as a member of staff, you observe an irregularity, you inform your functional chief immediately, or Audit Vlaanderen directly.',
    'public.detection.duty_crime':
      'If it could be a crime or an offence, every public official who learns of it must report it immediately to the public prosecutor (article 29 of the Code of Criminal Procedure).',
    'public.detection.channels_heading': 'Where can you turn?',
    'public.detection.channels_intro': 'Choose the route that fits your situation:',
    'public.detection.channel_colleague': 'Address the colleague concerned, if that is safe.',
    'public.detection.channel_manager': 'Discuss it with your manager.',
    'public.detection.channel_counselor':
      'Ask a confidential counselor or Spreekbuis for advice in confidence. They also explain what the duty to report means for you.',
    'public.detection.channel_internal':
      'Report it to the internal integrity reporting point or to Audit Vlaanderen.',
    'public.detection.channel_external': 'Report it externally, to the Flemish Ombudsman’s Service.',
    'public.detection.protection_heading': 'Protection for those who report',
    'public.detection.protection_intro':
      'The Flemish Administration Decree (Bestuursdecreet) and the European Whistleblower Directive (EU) 2019/1937 protect anyone who reports a suspected integrity violation:',
    'public.detection.protection_recorded':
      'every report is recorded; you receive an acknowledgement within seven days and feedback on what is being done within three months;',
    'public.detection.protection_identity':
      'your identity stays confidential, as does anything from which it could be deduced;',
    'public.detection.protection_involved': 'nobody involved in the facts handles your report;',
    'public.detection.protection_retaliation':
      'retaliation is forbidden, without any time limit. If you do suffer a disadvantage after your report, it is up to the employer to prove that it has nothing to do with your report;',
    'public.detection.protection_anonymous':
      'you can also report anonymously. You then receive a receipt code with which you, and only you, follow the report up and exchange messages.',
    'public.detection.citizens_heading': 'As a citizen or business',
    'public.detection.citizens':
      'Citizens and businesses can also report a suspected integrity violation, or turn with a question to 1700, the information service for all your questions to the government. 1700 passes your question or report on to the competent service.',

    'public.reaction.title': 'Reaction and sanction',
    'public.reaction.lead':
      'Acting once a violation has been established, and so ensuring the appropriate sanction and aftercare.',
    'public.reaction.process_heading': 'From report to decision',
    'public.reaction.process':
      'Every report gets a case file. First it is checked whether the report is admissible, who is competent and whether it could be a criminal offence. Where needed, a preliminary investigation and an investigation follow. The investigation ends with a conclusion: no violation, a violation established, an unfounded report or a referral. Every decision states its reasons.',
    'public.reaction.proportion_heading': 'A proportionate reaction',
    'public.reaction.proportion_intro':
      'Not every violation calls for the same reaction. The reaction is in proportion to the seriousness of the facts and can be, among other things:',
    'public.reaction.reaction_talk': 'an informal talk;',
    'public.reaction.reaction_warning': 'a written warning;',
    'public.reaction.reaction_evaluation': 'a negative evaluation;',
    'public.reaction.reaction_discipline': 'a disciplinary proposal;',
    'public.reaction.reaction_prosecutor':
      'a referral to the public prosecutor or the anti-corruption police;',
    'public.reaction.reaction_contract': 'a labour-law measure for contract staff.',
    'public.reaction.suspension':
      'A suspension in the interest of the service is not a sanction but a provisional measure, for example while an investigation or disciplinary procedure is under way.',
    'public.reaction.sanctions_heading': 'Disciplinary sanctions for statutory staff',
    'public.reaction.sanctions_intro':
      'The Flemish Staff Regulations (Vlaams Personeelsstatuut, part VIII) set out which disciplinary sanctions are possible. It is a closed list, from light to heavy:',
    'public.reaction.sanction_reprimand': 'a reprimand;',
    'public.reaction.sanction_withholding':
      'withholding of salary, for at most three months and at most one fifth of the net salary;',
    'public.reaction.sanction_suspension': 'disciplinary suspension, for at most three months;',
    'public.reaction.sanction_lower_scale': 'assignment to a lower salary scale;',
    'public.reaction.sanction_demotion': 'demotion to a lower grade;',
    'public.reaction.sanction_dismissal': 'dismissal;',
    'public.reaction.sanction_removal': 'removal from office.',
    'public.reaction.procedure_heading': 'How does the disciplinary procedure work?',
    'public.reaction.procedure_proposal': 'A functional chief makes a written disciplinary proposal.',
    'public.reaction.procedure_authority':
      'A higher chief of rank A1 or above pronounces the sanction. Whoever made the proposal never decides on it.',
    'public.reaction.procedure_period':
      'Only facts established in the six months before the proposal can lead to a disciplinary sanction.',
    'public.reaction.procedure_hearing':
      'Within fifteen calendar days of the proposal, the member of staff is summoned to be heard.',
    'public.reaction.aftercare_heading': 'Aftercare',
    'public.reaction.aftercare_intro': 'A case does not end with the sanction. There is aftercare for:',
    'public.reaction.aftercare_reporter':
      'the person who reported: it is monitored that no retaliation follows, such as dismissal, demotion, withdrawal of duties, a negative evaluation or intimidation;',
    'public.reaction.aftercare_victims': 'victims;',
    'public.reaction.aftercare_team': 'the team in which the violation took place;',
    'public.reaction.aftercare_person': 'the person concerned, after the sanction.',
    'public.reaction.discretion':
      'A measure is communicated discreetly: colleagues hear what they need to know, never the content of the case file.',
    'public.reaction.lessons': 'What a case teaches flows back into prevention.',
    'public.reaction.lessons_link': 'Read more about prevention',

    'public.accessibility.title': 'Accessibility statement',
    'public.accessibility.intro':
      'The organisation that runs this Integrity Desk wants it to be usable by everyone, including people with a disability. This statement applies to all pages of Integrity Desk.',
    'public.accessibility.status_heading': 'Compliance status',
    'public.accessibility.status':
      'Integrity Desk is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1 level AA and with the European standard EN 301 549. It is built to meet every criterion, but it has not yet been assessed independently and some content is beyond our control; see below.',
    'public.accessibility.measures_heading': 'What we do',
    'public.accessibility.measure_keyboard':
      'Everything works with the keyboard, with a visible focus and a link to skip the navigation.',
    'public.accessibility.measure_no_script': 'All pages work without JavaScript.',
    'public.accessibility.measure_contrast':
      'Text and controls have sufficient colour contrast, and information is never given by colour alone.',
    'public.accessibility.measure_zoom':
      'You can enlarge the text up to 400% without losing content or having to scroll horizontally.',
    'public.accessibility.measure_forms':
      'Forms have visible labels; errors are listed at the top and explained at the field itself.',
    'public.accessibility.measure_structure':
      'Pages have a logical structure with headings and landmarks, and the language of the page is set.',
    'public.accessibility.limits_heading': 'Non-accessible content',
    'public.accessibility.limit_audit':
      'Integrity Desk has not yet been assessed by an independent audit with users of assistive technology. Until that has happened, there may be problems we do not know about.',
    'public.accessibility.limit_uploads':
      'Files that users upload themselves, such as attachments to a report, may not be accessible. Their content is beyond our control; feel free to ask for an accessible version.',
    'public.accessibility.preparation_heading': 'Preparation of this statement',
    'public.accessibility.preparation':
      'This statement was prepared on 28 November 2026, based on a self-assessment: automated checks with axe-core on the pages, at every change to the software, and manual checks with the keyboard and with magnification.',
    'public.accessibility.feedback_heading': 'Reporting an accessibility problem',
    'public.accessibility.feedback':
      'Is there something on Integrity Desk you cannot use, or do you need information in another format? Let us know through 1700, the government’s information service (free of charge, on working days from 9:00 to 19:00), or through the contact details of the organisation that runs this Integrity Desk. Mention the page, what goes wrong and which assistive technology you use.',
    'public.accessibility.feedback_response':
      'You receive an acknowledgement within five working days. Within twenty working days we solve the problem or offer you the information in another way.',
    'public.accessibility.enforcement_heading': 'Enforcement procedure',
    'public.accessibility.enforcement':
      'Are you not satisfied with our answer, or have you had no answer within twenty working days? Then you can file a complaint with the Flemish Ombudsman’s Service (Vlaamse Ombudsdienst), free of charge.',
    'public.accessibility.ombudsman_name': 'Vlaamse Ombudsdienst (Flemish Ombudsman’s Service)',
    'public.accessibility.ombudsman_address': 'Leuvenseweg 86, 1000 Brussels, Belgium',
    'public.accessibility.ombudsman_phone': 'Free phone number: 0800 240 50',
    'public.accessibility.ombudsman_website': 'Website:',
    'public.accessibility.ombudsman_url': 'https://www.vlaamseombudsdienst.be',

    'public.privacy.title': 'Privacy statement',
    'public.privacy.intro':
      'Integrity Desk processes no more personal data than necessary. This statement explains what data it stores, why, for how long, and what rights you have.',
    'public.privacy.controller_heading': 'Who is responsible?',
    'public.privacy.controller':
      'The organisation that runs this Integrity Desk is responsible for processing your personal data (the controller), in accordance with the General Data Protection Regulation (GDPR).',
    'public.privacy.stored_heading': 'What data do we store?',
    'public.privacy.visitors_heading': 'When you visit this website',
    'public.privacy.visitors':
      'We store nothing about you, apart from the cookies below in your own browser. We do not store your IP address or your browser details (user agent), not even in log files. There are no analytics or advertising cookies, and nothing is loaded from other websites.',
    'public.privacy.reporters_heading': 'When you make a report',
    'public.privacy.reporters':
      'We store what you report and what you choose to share about yourself: named, confidential or anonymous. Reports are stored encrypted, so that only those who handle your report can read it. We store a receipt code only in a form that cannot be turned back into the code. We never store an IP address or browser details of reporters.',
    'public.privacy.contact_heading': 'When you contact us through 1700',
    'public.privacy.contact':
      'We store your name, your e-mail address, your question and the conversation that follows, so that we can answer you. Here too, we store no IP address or browser details. Chats and e-mail conversations are deleted automatically 90 days after the last message (the organisation can change that period).',
    'public.privacy.staff_heading': 'When you have an account (staff)',
    'public.privacy.staff':
      'We store your name, e-mail address, entity, manager and roles; your password only as an irreversible hash; the secret of your second factor; and your sessions. A security log records who logs in and who changes users, roles or settings; for these staff events we also store the IP address and browser details.',
    'public.privacy.purpose_heading': 'Why?',
    'public.privacy.purpose':
      'We use your data only to handle reports and questions, to carry out the integrity policy and to secure the platform. That is a legal obligation (the Administration Decree and the European Whistleblower Directive) and a task in the public interest (article 6(1)(c) and (e) GDPR). We use your data for nothing else, do not sell it and do not pass it on, unless the law requires it, for example to the public prosecutor.',
    'public.privacy.access_heading': 'Who sees your data?',
    'public.privacy.access':
      'Only those who need it for their role. A report is visible only to those who handle it; anyone involved in the facts has no access to it. Administrators and the integrity coordinator do not see the content of cases; the coordinator sees only figures about groups large enough that nobody can be recognised.',
    'public.privacy.retention_heading': 'How long do we keep your data?',
    'public.privacy.retention_sessions':
      'A staff member’s session ends by default after 30 minutes without activity and in any case after 12 hours.',
    'public.privacy.retention_cases':
      'We keep reports, case files and contact conversations for as long as the organisation needs them; after that they are deleted automatically, according to the retention periods the organisation sets.',
    'public.privacy.retention_audit':
      'We keep the security log for as long as is needed to be able to investigate misuse.',
    'public.privacy.rights_heading': 'Your rights',
    'public.privacy.rights_intro': 'Under the GDPR you have the right to:',
    'public.privacy.right_access': 'access your data;',
    'public.privacy.right_rectification': 'have incorrect data corrected;',
    'public.privacy.right_erasure': 'have your data erased when we no longer need it;',
    'public.privacy.right_restriction': 'have the processing restricted;',
    'public.privacy.right_objection': 'object to the processing.',
    'public.privacy.rights_limits':
      'These rights can be limited where that is necessary to protect the identity of a reporter or the course of an investigation; we then explain why. We can recognise an anonymous reporter only by their receipt code.',
    'public.privacy.complaint':
      'If you are not satisfied with how we handle your data, you can file a complaint with the Flemish Supervisory Commission for the processing of personal data (Vlaamse Toezichtcommissie).',
    'public.privacy.dpo_heading': 'The data protection officer',
    'public.privacy.dpo':
      'For questions about your data or to exercise your rights, contact the data protection officer of the organisation that runs this Integrity Desk. You will find the contact details on that organisation’s website, or you can ask for them through 1700.',
    'public.privacy.cookies_heading': 'Cookies',
    'public.privacy.cookies_intro':
      'Integrity Desk uses only cookies that are needed for the website to work; they require no consent. There are no third-party, analytics or advertising cookies.',
    'public.privacy.cookies_caption': 'Cookies of Integrity Desk',
    'public.privacy.cookie_name': 'Name',
    'public.privacy.cookie_purpose': 'Purpose',
    'public.privacy.cookie_duration': 'Duration',
    'public.privacy.cookie_lang_purpose': 'Remembers the language you chose.',
    'public.privacy.cookie_lang_duration': '1 year',
    'public.privacy.cookie_csrf_purpose': 'Security: protects forms against misuse from other websites.',
    'public.privacy.cookie_csrf_duration': 'Until you close the browser',
    'public.privacy.cookie_sid_purpose': 'Keeps a staff member logged in; only after logging in.',
    'public.privacy.cookie_sid_duration': 'Until you log out or close the browser',
    'public.privacy.cookie_report_draft_purpose':
      'Keeps track of your report while you fill in the form (the text itself stays only in the server’s memory until you send it).',
    'public.privacy.cookie_report_session_purpose':
      'Keeps you signed in to your report mailbox after you entered your receipt.',
    'public.privacy.cookie_report_session_duration':
      'Until you close the mailbox, after 30 minutes without activity, or until you close the browser',
    'public.privacy.cookie_chat_purpose':
      'The only key to your chat with 1700: it lets you find your place in the queue and your conversation again when you reload the page.',
    'public.privacy.cookie_contact_visitor_purpose':
      'A random code that lets a 1700 agent find your earlier conversations from this browser. It contains nothing about you.',
    'public.privacy.cookie_contact_visitor_duration': '90 days',
  },
);
