import Testing

@testable import FactCheck
@testable import FactCheckExtraction
@testable import FactCheckModel
@testable import FactCheckNormalisation
@testable import FactCheckReconciliation
@testable import FactCheckReporting
@testable import FactCheckRules

/// One phrase and what the bundled rules must read in it.
struct PhraseRow: CustomTestStringConvertible, Sendable {
  let language: String
  let text: String
  let attribute: String
  let value: Double
  var hedge: String = "exact"
  var unit: String?
  var period: String?
  var modality: String = "actual"
  var entity: String?
  var published: Day?
  /// Explicit interval bounds to check (nil = not checked); infinite ends as ±.infinity.
  var low: Double?
  var high: Double?

  var testDescription: String { "[\(language)] \(text)" }
}

private let d2025 = Day(year: 2025, month: 5, day: 13)!
private let d2024 = Day(year: 2024, month: 12, day: 30)!
private let inf = Double.infinity

/// French phrases: typography, scales, spelled numbers, hedges, periods, money, entities.
let frenchPhrases: [PhraseRow] = [
  // Digit groups: space, no-break space, narrow no-break space, thin space, dot, apostrophe.
  .init(language: "fr", text: "Brindille emploie 3 500 salariés.", attribute: "employees", value: 3500, entity: "Brindille"),
  .init(language: "fr", text: "Brindille emploie 3\u{00A0}500 salariés.", attribute: "employees", value: 3500),
  .init(language: "fr", text: "Brindille emploie 3\u{202F}500 salariés.", attribute: "employees", value: 3500),
  .init(language: "fr", text: "Brindille emploie 3\u{2009}500 salariés.", attribute: "employees", value: 3500),
  .init(language: "fr", text: "Le syndicat dénonce 14.000 postes supprimés.", attribute: "layoffs", value: 14000),
  .init(language: "fr", text: "Le groupe suisse emploie 12'000 personnes.", attribute: "employees", value: 12000),
  .init(language: "fr", text: "Ostra compte 125 000 salariés dans le monde.", attribute: "employees", value: 125000),
  .init(language: "fr", text: "Ostra compte 1 250 000 utilisateurs.", attribute: "users", value: 1_250_000),
  .init(language: "fr", text: "La plateforme revendique 3,5 millions d’utilisateurs.", attribute: "users", value: 3_500_000),
  .init(language: "fr", text: "La plateforme revendique 3,5 millions d'utilisateurs.", attribute: "users", value: 3_500_000),
  .init(language: "fr", text: "La néobanque compte 2 millions de clients.", attribute: "users", value: 2_000_000),
  .init(language: "fr", text: "La néobanque compte 1,2 million de clients.", attribute: "users", value: 1_200_000),
  .init(language: "fr", text: "Le site affiche 450 000 abonnés.", attribute: "users", value: 450_000),
  // Spelled numbers.
  .init(language: "fr", text: "Le programme a démarré avec seulement deux agents.", attribute: "pilot_human_agents", value: 2),
  .init(language: "fr", text: "L’assistant parle vingt-deux langues.", attribute: "languages", value: 22),
  .init(language: "fr", text: "La marque est présente dans onze pays.", attribute: "countries", value: 11),
  .init(language: "fr", text: "La marque est présente dans quatre-vingt-dix pays.", attribute: "countries", value: 90),
  .init(language: "fr", text: "La marque est présente dans soixante et onze pays.", attribute: "countries", value: 71),
  .init(language: "fr", text: "La banque emploie trois mille cinq cents personnes.", attribute: "employees", value: 3500),
  .init(language: "fr", text: "La banque emploie deux cent mille personnes.", attribute: "employees", value: 200_000),
  .init(language: "fr", text: "L’entreprise emploie mille deux cents salariés.", attribute: "employees", value: 1200),
  .init(language: "fr", text: "La société a licencié une centaine de personnes.", attribute: "layoffs", value: 100, hedge: "approximate"),
  .init(language: "fr", text: "Le service est disponible en douze langues.", attribute: "languages", value: 12),
  // Hedges and bounds.
  .init(language: "fr", text: "Ostra emploie environ 3 800 personnes.", attribute: "employees", value: 3800, hedge: "approximate", low: 3610, high: 3990),
  .init(language: "fr", text: "Ostra emploie près de 3 800 personnes.", attribute: "employees", value: 3800, hedge: "nearly", low: 3610, high: 3800),
  .init(language: "fr", text: "Ostra emploie quelque 4 000 salariés.", attribute: "employees", value: 4000, hedge: "approximate"),
  .init(language: "fr", text: "Ostra emploie presque 4 000 salariés.", attribute: "employees", value: 4000, hedge: "nearly", low: 3800, high: 4000),
  .init(language: "fr", text: "Ostra emploie quasiment 4 000 salariés.", attribute: "employees", value: 4000, hedge: "nearly"),
  .init(language: "fr", text: "Ostra emploie plus de 4 000 salariés.", attribute: "employees", value: 4000, hedge: "more_than", low: 4000, high: inf),
  .init(language: "fr", text: "Ostra emploie moins de 400 salariés.", attribute: "employees", value: 400, hedge: "less_than", low: -inf, high: 400),
  .init(language: "fr", text: "Ostra emploie pas moins de 700 salariés.", attribute: "employees", value: 700, hedge: "at_least"),
  .init(language: "fr", text: "Ostra emploie au moins 700 salariés.", attribute: "employees", value: 700, hedge: "at_least"),
  .init(language: "fr", text: "Le plan prévoit de supprimer jusqu’à 1 500 postes.", attribute: "layoffs", value: 1500, hedge: "at_most"),
  .init(language: "fr", text: "Le service compte plus de 600 000 commerçants partenaires.", attribute: "merchants", value: 600_000, hedge: "more_than"),
  .init(language: "fr", text: "La banque emploie entre 3 000 et 3 500 salariés.", attribute: "employees", value: 3000, hedge: "range", low: 3000, high: 3500),
  .init(language: "fr", text: "La banque emploie 3 000-3 500 salariés.", attribute: "employees", value: 3000, hedge: "range", low: 3000, high: 3500),
  // Percentages and fractions.
  .init(language: "fr", text: "Ostra a réduit ses effectifs de 22 %.", attribute: "workforce_reduction_percent", value: 22, unit: "%"),
  .init(language: "fr", text: "Ostra a réduit ses effectifs de 22\u{00A0}%.", attribute: "workforce_reduction_percent", value: 22),
  .init(language: "fr", text: "Ostra a réduit ses effectifs de 22%.", attribute: "workforce_reduction_percent", value: 22),
  .init(language: "fr", text: "Ostra a réduit ses effectifs de 22 pour cent.", attribute: "workforce_reduction_percent", value: 22),
  .init(language: "fr", text: "Ostra a réduit ses effectifs de 12,5 %.", attribute: "workforce_reduction_percent", value: 12.5),
  .init(language: "fr", text: "En douze mois, Ostra a perdu près de 21 % de sa main-d’œuvre.", attribute: "workforce_reduction_percent", value: 21, hedge: "nearly"),
  .init(language: "fr", text: "Ostra a supprimé la moitié de ses effectifs.", attribute: "workforce_reduction_percent", value: 50, hedge: "approximate"),
  .init(language: "fr", text: "Ostra a supprimé un tiers de ses effectifs.", attribute: "workforce_reduction_percent", value: 33.3, hedge: "approximate"),
  .init(language: "fr", text: "Ostra a supprimé le quart de ses effectifs.", attribute: "workforce_reduction_percent", value: 25, hedge: "approximate"),
  .init(language: "fr", text: "L’agent traite les deux tiers des conversations.", attribute: "ai_chats_share_percent", value: 66.7, hedge: "approximate"),
  .init(language: "fr", text: "L’agent traite 80 % des échanges avec les clients.", attribute: "ai_chats_share_percent", value: 80),
  .init(language: "fr", text: "Huit conversations sur dix sont closes sans humain.", attribute: "ai_chats_share_percent", value: 80, hedge: "approximate"),
  .init(language: "fr", text: "Le groupe détient environ 14 % de parts de marché.", attribute: "market_share_percent", value: 14, hedge: "approximate"),
  .init(language: "fr", text: "Son chiffre d’affaires est en hausse de 31 % sur un an.", attribute: "revenue_growth_percent", value: 31),
  .init(language: "fr", text: "Le chiffre d’affaires recule de 6 % sur un an.", attribute: "revenue_growth_percent", value: -6),
  .init(language: "fr", text: "La direction table sur une croissance de 15 à 20 % de ses revenus.", attribute: "revenue_growth_percent", value: 15, hedge: "range", modality: "projected", low: 15, high: 20),
  // Money.
  .init(language: "fr", text: "En 2022, sa valorisation a chuté à 6,7 milliards de dollars.", attribute: "valuation_usd", value: 6.7e9, unit: "USD", period: "2022"),
  .init(language: "fr", text: "La fintech est valorisée 15 Md€.", attribute: "valuation_usd", value: 15e9, unit: "EUR"),
  .init(language: "fr", text: "La fintech est valorisée 15 milliards d’euros.", attribute: "valuation_usd", value: 15e9, unit: "EUR"),
  .init(language: "fr", text: "La fintech est valorisée 2,5 milliards de couronnes suédoises.", attribute: "valuation_usd", value: 2.5e9, unit: "SEK"),
  .init(language: "fr", text: "La start-up a levé 30 millions d’euros.", attribute: "funding_raised", value: 30e6, unit: "EUR"),
  .init(language: "fr", text: "La start-up a levé 30 M€.", attribute: "funding_raised", value: 30e6, unit: "EUR"),
  .init(language: "fr", text: "La start-up a levé 850 000 euros.", attribute: "funding_raised", value: 850_000, unit: "EUR"),
  .init(language: "fr", text: "La start-up a levé 45 millions de dollars.", attribute: "funding_raised", value: 45e6, unit: "USD"),
  .init(language: "fr", text: "Elle a levé 40 millions de francs suisses.", attribute: "funding_raised", value: 40e6, unit: "CHF"),
  .init(language: "fr", text: "La fintech espérait y lever 1 milliard de dollars.", attribute: "ipo_raise_target_usd", value: 1e9, unit: "USD"),
  .init(language: "fr", text: "Son chiffre d’affaires a atteint 1,12 milliard d’euros en 2024.", attribute: "revenue", value: 1.12e9, unit: "EUR", period: "2024"),
  .init(language: "fr", text: "Le groupe a réalisé 19 millions d’euros de chiffre d’affaires en 2023.", attribute: "revenue", value: 19e6, unit: "EUR", period: "2023"),
  .init(language: "fr", text: "Le bénéfice net ressort à 214 millions d’euros en 2024.", attribute: "net_income", value: 214e6, period: "2024"),
  .init(language: "fr", text: "Le groupe accuse une perte nette de 1,2 milliard d’euros en 2024.", attribute: "net_income", value: -1.2e9, period: "2024"),
  .init(language: "fr", text: "Le programme doit générer 25 millions d’euros d’économies.", attribute: "cost_savings", value: 25e6, unit: "EUR"),
  // Periods against a publication date.
  .init(language: "fr", text: "Ostra emploie actuellement 3 800 personnes.", attribute: "employees", value: 3800, period: "current", published: d2025),
  .init(language: "fr", text: "Ostra compte aujourd’hui 3 800 salariés, contre 5 000 l’année dernière.", attribute: "employees", value: 5000, period: "2024", published: d2025),
  .init(language: "fr", text: "Ostra compte aujourd’hui 3 800 salariés, contre 5 000 l’année dernière.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "fr", text: "Les effectifs d’Ostra atteignent 3 800 salariés, contre 5 000 un an plus tôt.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "fr", text: "Ostra fait travailler 3 800 employés, contre 5 000 l’an dernier.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "fr", text: "En 2022, Ostra employait 4 200 personnes.", attribute: "employees", value: 4200, period: "2022"),
  .init(language: "fr", text: "Fin décembre 2024, Ostra employait 4 100 personnes.", attribute: "employees", value: 4100, period: "2024"),
  .init(language: "fr", text: "Ostra compte 3 800 collaborateurs, et ce nombre pourrait descendre à 2 000 dans les prochaines années.", attribute: "employees", value: 2000, period: "current", modality: "projected"),
  .init(language: "fr", text: "Ostra prévoit de ramener ses effectifs de 3 000 à environ 2 500 au cours des douze mois à venir, d’ici à un an.", attribute: "employees", value: 2500, hedge: "approximate", period: "next_year", modality: "projected"),
  .init(language: "fr", text: "Ostra prévoit de ramener ses effectifs de 3 000 à environ 2 500 au cours des douze mois à venir, d’ici à un an.", attribute: "employees", value: 2500, hedge: "approximate", period: "2026", modality: "projected", published: d2025),
  .init(language: "fr", text: "Ostra prévoit de ramener ses effectifs de 3 000 à environ 2 500 au cours des douze mois à venir, d’ici à un an.", attribute: "employees", value: 3000, period: "current"),
  .init(language: "fr", text: "Sur un an, les effectifs d’Ostra ont été ramenés de 5 000 à 3 800 employés.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "fr", text: "Sur un an, les effectifs d’Ostra ont été ramenés de 5 000 à 3 800 employés.", attribute: "employees", value: 3800, period: "current"),
  .init(language: "fr", text: "En 2022, sa valorisation avait reculé à 6,7 milliards de dollars, après un sommet de 45,6 milliards un an plus tôt.", attribute: "valuation_usd", value: 45.6e9, unit: "USD", period: "2021"),
  .init(language: "fr", text: "Fondée en 2005, Ostra a grandi vite.", attribute: "founded_year", value: 2005, period: "unspecified"),
  .init(language: "fr", text: "Créée en 2013 à Copenhague, la banque a grandi vite.", attribute: "founded_year", value: 2013),
  .init(language: "fr", text: "Le plan prévoit 40 millions d’euros d’économies en 2026.", attribute: "cost_savings", value: 40e6, period: "2026", modality: "projected", published: d2025),
  // Entities.
  .init(language: "fr", text: "Selon Bloomberg, Klarna a perdu 22 % de sa main-d’œuvre.", attribute: "workforce_reduction_percent", value: 22, entity: "Klarna"),
  .init(language: "fr", text: "Sebastian Siemiatkowski affirme que l’entreprise emploie 3 500 personnes chez Klarna.", attribute: "employees", value: 3500, entity: "Klarna"),
  .init(language: "fr", text: "Un dirigeant de start-up a mis à la porte 85 % de ses salariés.", attribute: "workforce_reduction_percent", value: 85, entity: "none"),
  .init(language: "fr", text: "Une autre fintech a supprimé 40 % de ses effectifs.", attribute: "workforce_reduction_percent", value: 40, entity: "none"),
  .init(language: "fr", text: "Klarna a réduit ses effectifs de 22 %.", attribute: "workforce_reduction_percent", value: 22, entity: "Klarna"),
  .init(language: "fr", text: "Son concurrent Vexlo a supprimé 9 000 emplois l’an dernier.", attribute: "layoffs", value: 9000, period: "last_year", entity: "Vexlo"),
  .init(language: "fr", text: "La banque Ferrando, qui emploie 2 400 salariés, ouvre une agence.", attribute: "employees", value: 2400, entity: "Ferrando"),
  // Layoffs, hiring, headcount forms.
  .init(language: "fr", text: "L’entreprise avait déjà licencié environ 700 personnes.", attribute: "layoffs", value: 700, hedge: "approximate"),
  .init(language: "fr", text: "Le plan prévoit la suppression de 1 200 postes.", attribute: "layoffs", value: 1200),
  .init(language: "fr", text: "Le groupe annonce 800 licenciements.", attribute: "layoffs", value: 800),
  .init(language: "fr", text: "La réforme pourrait toucher jusqu’à 30 000 postes au total.", attribute: "layoffs_total", value: 30000, hedge: "at_most"),
  .init(language: "fr", text: "Quelque 600 postes vacants ne seront pas pourvus.", attribute: "open_roles", value: 600, hedge: "approximate"),
  .init(language: "fr", text: "La jeune pousse prévoit 80 recrutements cette année.", attribute: "hires_planned", value: 80),
  .init(language: "fr", text: "Le constructeur fait appel à 8 500 sous-traitants.", attribute: "contractors", value: 8500),
  .init(language: "fr", text: "Son effectif atteint environ 12 000 personnes.", attribute: "employees", value: 12000, hedge: "approximate"),
  .init(language: "fr", text: "Le total d’employés est désormais établi à 2 100.", attribute: "employees", value: 2100, period: "current"),
  .init(language: "fr", text: "Il ne resterait aujourd’hui que 640 salariés.", attribute: "employees", value: 640),
  .init(language: "fr", text: "Le robot abat l’équivalent du travail de 500 personnes à temps plein.", attribute: "ai_assistant_workload_equivalent", value: 500),
  .init(language: "fr", text: "Le délai moyen de traitement est passé de 20 minutes à 4 minutes.", attribute: "resolution_time_minutes", value: 4, unit: "minutes"),
  .init(language: "fr", text: "Le délai moyen est passé de 2 heures à 30 minutes.", attribute: "resolution_time_minutes", value: 120, period: "last_year"),
  .init(language: "fr", text: "La banque est présente sur 14 marchés européens.", attribute: "markets", value: 14),
]

/// English phrases.
let englishPhrases: [PhraseRow] = [
  .init(language: "en", text: "Brightwater employs 3,500 people.", attribute: "employees", value: 3500, entity: "Brightwater"),
  .init(language: "en", text: "Brightwater employs 3 500 people.", attribute: "employees", value: 3500),
  .init(language: "en", text: "Brightwater employs 3500 people.", attribute: "employees", value: 3500),
  .init(language: "en", text: "Brightwater employs 125,000 people worldwide.", attribute: "employees", value: 125_000),
  .init(language: "en", text: "Infosys employs 2,80,000 people.", attribute: "employees", value: 280_000),
  .init(language: "en", text: "Brightwater has 1.2 million customers.", attribute: "users", value: 1.2e6),
  .init(language: "en", text: "Brightwater has 1.2m customers.", attribute: "users", value: 1.2e6),
  .init(language: "en", text: "Brightwater has 85 million users.", attribute: "users", value: 85e6),
  .init(language: "en", text: "Brightwater has 14k employees.", attribute: "employees", value: 14000),
  .init(language: "en", text: "Brightwater has about14,000 employees.", attribute: "employees", value: 14000, hedge: "approximate"),
  .init(language: "en", text: "Brightwater has **4,000** employees.", attribute: "employees", value: 4000),
  // Spelled numbers.
  .init(language: "en", text: "The pilot began with just two agents.", attribute: "pilot_human_agents", value: 2),
  .init(language: "en", text: "The brand is sold in eleven countries.", attribute: "countries", value: 11),
  .init(language: "en", text: "The assistant speaks twenty-two languages.", attribute: "languages", value: 22),
  .init(language: "en", text: "The assistant speaks twenty two languages.", attribute: "languages", value: 22),
  .init(language: "en", text: "The bot handles the workload of a dozen agents.", attribute: "ai_assistant_workload_equivalent", value: 12),
  .init(language: "en", text: "The bot does the work of a hundred agents.", attribute: "ai_assistant_workload_equivalent", value: 100),
  .init(language: "en", text: "The firm employs three thousand five hundred people.", attribute: "employees", value: 3500),
  .init(language: "en", text: "The firm employs two hundred thousand people.", attribute: "employees", value: 200_000),
  .init(language: "en", text: "The firm employs one hundred and five people.", attribute: "employees", value: 105),
  .init(language: "en", text: "The group operates in ninety-one countries.", attribute: "countries", value: 91),
  // Hedges.
  .init(language: "en", text: "Ostra employs about 3,800 people.", attribute: "employees", value: 3800, hedge: "approximate", low: 3610, high: 3990),
  .init(language: "en", text: "Ostra employs around 3,800 people.", attribute: "employees", value: 3800, hedge: "approximate"),
  .init(language: "en", text: "Ostra employs roughly 3,800 people.", attribute: "employees", value: 3800, hedge: "approximate"),
  .init(language: "en", text: "Ostra employs nearly 4,000 people.", attribute: "employees", value: 4000, hedge: "nearly", low: 3800, high: 4000),
  .init(language: "en", text: "Ostra employs almost 4,000 people.", attribute: "employees", value: 4000, hedge: "nearly"),
  .init(language: "en", text: "Ostra employs some 4,000 people.", attribute: "employees", value: 4000, hedge: "approximate"),
  .init(language: "en", text: "Ostra employs more than 4,000 people.", attribute: "employees", value: 4000, hedge: "more_than", low: 4000, high: inf),
  .init(language: "en", text: "Ostra employs over 4,000 people.", attribute: "employees", value: 4000, hedge: "more_than"),
  .init(language: "en", text: "Ostra employs fewer than 400 people.", attribute: "employees", value: 400, hedge: "less_than"),
  .init(language: "en", text: "Ostra employs less than 400 people.", attribute: "employees", value: 400, hedge: "less_than"),
  .init(language: "en", text: "Ostra employs under 400 people.", attribute: "employees", value: 400, hedge: "less_than"),
  .init(language: "en", text: "Ostra employs at least 700 people.", attribute: "employees", value: 700, hedge: "at_least", low: 700, high: inf),
  .init(language: "en", text: "The bot does the work of no fewer than 700 agents.", attribute: "ai_assistant_workload_equivalent", value: 700, hedge: "at_least"),
  .init(language: "en", text: "The plan could affect up to 30,000 jobs in total.", attribute: "layoffs_total", value: 30000, hedge: "at_most"),
  .init(language: "en", text: "Ostra employs between 3,000 and 3,500 people.", attribute: "employees", value: 3000, hedge: "range", low: 3000, high: 3500),
  .init(language: "en", text: "The service works with more than 600,000 merchants.", attribute: "merchants", value: 600_000, hedge: "more_than"),
  // Percentages and fractions.
  .init(language: "en", text: "Ostra cut 22% of its workforce.", attribute: "workforce_reduction_percent", value: 22, unit: "%"),
  .init(language: "en", text: "Ostra cut 22 percent of its workforce.", attribute: "workforce_reduction_percent", value: 22),
  .init(language: "en", text: "Ostra cut 22 per cent of its workforce.", attribute: "workforce_reduction_percent", value: 22),
  .init(language: "en", text: "Ostra cut 9pc of its workforce last year.", attribute: "workforce_reduction_percent", value: 9),
  .init(language: "en", text: "Ostra lost nearly 22% of its staff.", attribute: "workforce_reduction_percent", value: 22, hedge: "nearly"),
  .init(language: "en", text: "Ostra cut half of its workforce.", attribute: "workforce_reduction_percent", value: 50, hedge: "approximate"),
  .init(language: "en", text: "Ostra cut a quarter of its workforce.", attribute: "workforce_reduction_percent", value: 25, hedge: "approximate"),
  .init(language: "en", text: "Ostra cut a third of its workforce.", attribute: "workforce_reduction_percent", value: 33.3, hedge: "approximate"),
  .init(language: "en", text: "Ostra reduced its headcount by 15%.", attribute: "workforce_reduction_percent", value: 15),
  .init(language: "en", text: "Ostra now has 3,500 staff after a 20% reduction.", attribute: "workforce_reduction_percent", value: 20),
  .init(language: "en", text: "Its chatbot handles two-thirds of customer chats.", attribute: "ai_chats_share_percent", value: 66.7, hedge: "approximate"),
  .init(language: "en", text: "Its chatbot handles one in four customer chats.", attribute: "ai_chats_share_percent", value: 25, hedge: "approximate"),
  .init(language: "en", text: "Its chatbot handles 80% of customer conversations.", attribute: "ai_chats_share_percent", value: 80),
  .init(language: "en", text: "Its chatbot handles between 60% and 70% of incoming chats.", attribute: "ai_chats_share_percent", value: 60, hedge: "range", low: 60, high: 70),
  .init(language: "en", text: "Revenue fell 6% to €31.4bn.", attribute: "revenue_growth_percent", value: -6),
  .init(language: "en", text: "Revenue reached €950m, up 18% on the previous year.", attribute: "revenue_growth_percent", value: 18),
  .init(language: "en", text: "The group holds about 14% market share.", attribute: "market_share_percent", value: 14, hedge: "approximate"),
  // Money.
  .init(language: "en", text: "It was valued at $45.6 billion in 2021.", attribute: "valuation_usd", value: 45.6e9, unit: "USD", period: "2021"),
  .init(language: "en", text: "It was valued at $45.6bn in 2021.", attribute: "valuation_usd", value: 45.6e9, unit: "USD", period: "2021"),
  .init(language: "en", text: "It was valued at €1.1bn.", attribute: "valuation_usd", value: 1.1e9, unit: "EUR"),
  .init(language: "en", text: "It was valued at SEK 10 billion.", attribute: "valuation_usd", value: 10e9, unit: "SEK"),
  .init(language: "en", text: "It was valued at 10 billion kronor.", attribute: "valuation_usd", value: 10e9, unit: "SEK"),
  .init(language: "en", text: "It was valued at £3.5 billion.", attribute: "valuation_usd", value: 3.5e9, unit: "GBP"),
  .init(language: "en", text: "The startup has raised €85m in a Series C round.", attribute: "funding_raised", value: 85e6, unit: "EUR"),
  .init(language: "en", text: "The startup has raised $600 million.", attribute: "funding_raised", value: 600e6, unit: "USD"),
  .init(language: "en", text: "The startup has raised $600,000.", attribute: "funding_raised", value: 600_000, unit: "USD"),
  .init(language: "en", text: "It is seeking to raise $1 billion at a valuation of $15 billion.", attribute: "ipo_valuation_target_usd", value: 15e9, unit: "USD"),
  .init(language: "en", text: "It is seeking to raise $1 billion at a valuation of $15 billion.", attribute: "ipo_raise_target_usd", value: 1e9, unit: "USD"),
  .init(language: "en", text: "It reported revenue of €2.1bn in 2024.", attribute: "revenue", value: 2.1e9, unit: "EUR", period: "2024"),
  .init(language: "en", text: "The bank posted a net profit of €241m for 2024.", attribute: "net_income", value: 241e6, period: "2024"),
  .init(language: "en", text: "It booked a net loss of $85 million in 2024.", attribute: "net_income", value: -85e6, unit: "USD", period: "2024"),
  .init(language: "en", text: "The bank is counting on €40m in cost savings.", attribute: "cost_savings", value: 40e6, unit: "EUR", modality: "projected"),
  // Periods.
  .init(language: "en", text: "Ostra now has about 3,800 employees.", attribute: "employees", value: 3800, hedge: "approximate", period: "current"),
  .init(language: "en", text: "Ostra has 3,800 employees, down from 5,000 a year earlier.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "en", text: "Ostra has 3,800 employees, down from 5,000 last year.", attribute: "employees", value: 5000, period: "2024", published: d2025),
  .init(language: "en", text: "Ostra has 3,800 employees, down from 5,000 a year ago.", attribute: "employees", value: 5000, period: "last_year"),
  .init(language: "en", text: "In 2022, Ostra employed 4,200 people.", attribute: "employees", value: 4200, period: "2022"),
  .init(language: "en", text: "At the end of 2024, Ostra employed 4,100 people.", attribute: "employees", value: 4100, period: "2024"),
  .init(language: "en", text: "Ostra has 3,800 employees, and that number could fall to 2,000 in the coming years.", attribute: "employees", value: 2000, period: "current", modality: "projected"),
  .init(language: "en", text: "It plans to cut its workforce from 3,000 to about 2,400 by next year.", attribute: "employees", value: 2400, hedge: "approximate", period: "next_year", modality: "projected"),
  .init(language: "en", text: "It plans to cut its workforce from 3,000 to about 2,400 within a year.", attribute: "employees", value: 3000, period: "current"),
  .init(language: "en", text: "Over the year its workforce shrank from 5,200 to 4,100 employees.", attribute: "employees", value: 5200, period: "last_year"),
  .init(language: "en", text: "It was valued at $6.7 billion in 2022, down from $45.6 billion in 2021.", attribute: "valuation_usd", value: 45.6e9, period: "2021"),
  .init(language: "en", text: "It was valued at $6.7 billion in 2022, down from $45.6 billion a year earlier.", attribute: "valuation_usd", value: 45.6e9, period: "2021"),
  .init(language: "en", text: "Brightwater, founded in 2011, has grown fast.", attribute: "founded_year", value: 2011, period: "unspecified"),
  .init(language: "en", text: "The company was established in 1998 in Oslo.", attribute: "founded_year", value: 1998),
  .init(language: "en", text: "Its 1,100-strong customer-service team is expected to shrink to about 900 by the end of 2026.", attribute: "division_employees", value: 900, hedge: "approximate", modality: "projected"),
  .init(language: "en", text: "Headcount is expected to fall to 2,000 by next year.", attribute: "employees", value: 2000, modality: "projected"),
  // Entities.
  .init(language: "en", text: "Another fintech cut 40% of its staff.", attribute: "workforce_reduction_percent", value: 40, entity: "none"),
  .init(language: "en", text: "A CEO fired 90% of his staff.", attribute: "workforce_reduction_percent", value: 90, entity: "none"),
  .init(language: "en", text: "According to Bloomberg, Klarna cut 22% of its workforce.", attribute: "workforce_reduction_percent", value: 22, entity: "Klarna"),
  .init(language: "en", text: "Rival Vexlo cut 9,000 jobs last year.", attribute: "layoffs", value: 9000, period: "last_year", entity: "Vexlo"),
  .init(language: "en", text: "Klarna, which counts 85 million users worldwide, is preparing a listing.", attribute: "users", value: 85e6, entity: "Klarna"),
  .init(language: "en", text: "Siemiatkowski said the company has 3,500 employees at Klarna.", attribute: "employees", value: 3500, entity: "Klarna"),
  // Layoffs, hiring, divisions, AI.
  .init(language: "en", text: "The bank had already laid off about 450 people.", attribute: "layoffs", value: 450, hedge: "approximate"),
  .init(language: "en", text: "Atlas will cut 14,000 jobs in this round.", attribute: "layoffs", value: 14000),
  .init(language: "en", text: "The plan includes 1,200 job cuts in Europe.", attribute: "layoffs", value: 1200),
  .init(language: "en", text: "It has frozen about 150 open roles.", attribute: "open_roles", value: 150, hedge: "approximate"),
  .init(language: "en", text: "It will leave 2,300 vacancies unfilled.", attribute: "open_roles", value: 2300),
  .init(language: "en", text: "The startup plans to hire 80 people.", attribute: "hires_planned", value: 80),
  .init(language: "en", text: "The carmaker also relies on 5,800 contractors.", attribute: "contractors", value: 5800),
  .init(language: "en", text: "Its logistics division, which has 20,000 staff, is hit hardest.", attribute: "division_employees", value: 20000),
  .init(language: "en", text: "The bank has a workforce of 6,200.", attribute: "employees", value: 6200),
  .init(language: "en", text: "Half of its roughly 4,000 employees could go.", attribute: "employees", value: 4000, hedge: "approximate"),
  .init(language: "en", text: "The bot does the work of 700 full-time agents.", attribute: "ai_assistant_workload_equivalent", value: 700),
  .init(language: "en", text: "Average resolution time dropped from 11 minutes to two.", attribute: "resolution_time_minutes", value: 2, period: "current"),
  .init(language: "en", text: "Average resolution time dropped from 2 hours to 30 minutes.", attribute: "resolution_time_minutes", value: 120),
  .init(language: "en", text: "The bank operates in 14 markets.", attribute: "markets", value: 14),
  .init(language: "en", text: "The assistant answers in 35 languages.", attribute: "languages", value: 35),
]
