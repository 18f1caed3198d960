/// Real UK local-authority names used to label synthetic organisations.
///
/// Only the names are real; every figure the generator attaches to them is synthetic.
/// None contains a comma, so register rows never need quoting.
enum UKCouncilNames {
    static let all: [String] = [
        // Scotland
        "Aberdeen", "Aberdeenshire", "Angus", "Argyll and Bute", "Clackmannanshire",
        "Dumfries and Galloway", "Dundee", "East Ayrshire", "East Dunbartonshire", "East Lothian",
        "East Renfrewshire", "Edinburgh", "Falkirk", "Fife", "Glasgow", "Highland", "Inverclyde",
        "Midlothian", "Moray", "Na h-Eileanan Siar", "North Ayrshire", "North Lanarkshire",
        "Orkney", "Perth & Kinross", "Renfrewshire", "Scottish Borders", "Shetland",
        "South Ayrshire", "South Lanarkshire", "Stirling", "West Dunbartonshire", "West Lothian",
        // Wales
        "Blaenau Gwent", "Bridgend", "Caerphilly", "Cardiff", "Carmarthenshire", "Ceredigion",
        "Conwy", "Denbighshire", "Flintshire", "Gwynedd", "Isle of Anglesey", "Merthyr Tydfil",
        "Monmouthshire", "Neath Port Talbot", "Newport", "Pembrokeshire", "Powys",
        "Rhondda Cynon Taf", "Swansea", "Torfaen", "Vale of Glamorgan", "Wrexham",
        // Northern Ireland
        "Antrim and Newtownabbey", "Ards and North Down", "Armagh Banbridge and Craigavon",
        "Belfast", "Causeway Coast and Glens", "Derry and Strabane", "Fermanagh and Omagh",
        "Lisburn and Castlereagh", "Mid and East Antrim", "Mid Ulster", "Newry Mourne and Down",
        // London
        "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London",
        "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham",
        "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington",
        "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
        "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets",
        "Waltham Forest", "Wandsworth", "Westminster",
        // Metropolitan boroughs
        "Barnsley", "Birmingham", "Bolton", "Bradford", "Bury", "Calderdale", "Coventry",
        "Doncaster", "Dudley", "Gateshead", "Kirklees", "Knowsley", "Leeds", "Liverpool",
        "Manchester", "Newcastle upon Tyne", "North Tyneside", "Oldham", "Rochdale", "Rotherham",
        "Salford", "Sandwell", "Sefton", "Sheffield", "Solihull", "South Tyneside", "St Helens",
        "Stockport", "Sunderland", "Tameside", "Trafford", "Wakefield", "Walsall", "Wigan",
        "Wirral", "Wolverhampton",
        // Unitary authorities
        "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool",
        "Bournemouth Christchurch and Poole", "Bracknell Forest", "Brighton and Hove", "Bristol",
        "Buckinghamshire", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester",
        "Cornwall", "Cumberland", "Darlington", "Derby", "Dorset", "Durham", "East Riding of Yorkshire",
        "Halton", "Hartlepool", "Herefordshire", "Isle of Wight", "Isles of Scilly", "Kingston upon Hull",
        "Leicester", "Luton", "Medway", "Middlesbrough", "Milton Keynes", "North East Lincolnshire",
        "North Lincolnshire", "North Northamptonshire", "North Somerset", "North Yorkshire",
        "Northumberland", "Nottingham", "Peterborough", "Plymouth", "Portsmouth", "Reading",
        "Redcar and Cleveland", "Rutland", "Shropshire", "Slough", "Somerset", "South Gloucestershire",
        "Southampton", "Southend-on-Sea", "Stockton-on-Tees", "Stoke-on-Trent", "Swindon",
        "Telford and Wrekin", "Thurrock", "Torbay", "Warrington", "West Berkshire",
        "West Northamptonshire", "Westmorland and Furness", "Wiltshire", "Windsor and Maidenhead",
        "Wokingham", "York",
        // County councils
        "Cambridgeshire", "Derbyshire", "Devon", "East Sussex", "Essex", "Gloucestershire",
        "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
        "Norfolk", "Nottinghamshire", "Oxfordshire", "Staffordshire", "Suffolk", "Surrey",
        "Warwickshire", "West Sussex", "Worcestershire",
        // District councils
        "Adur", "Amber Valley", "Arun", "Ashfield", "Ashford", "Babergh", "Basildon",
        "Basingstoke and Deane", "Bassetlaw", "Blaby", "Bolsover", "Boston", "Braintree",
        "Breckland", "Brentwood", "Broadland", "Bromsgrove", "Broxbourne", "Broxtowe", "Burnley",
        "Cambridge", "Cannock Chase", "Canterbury", "Castle Point", "Charnwood", "Chelmsford",
        "Cheltenham", "Cherwell", "Chesterfield", "Chichester", "Chorley", "Colchester", "Cotswold",
        "Crawley", "Dacorum", "Dartford", "Dover", "East Cambridgeshire", "East Devon",
        "East Hampshire", "East Hertfordshire", "East Lindsey", "East Staffordshire", "East Suffolk",
        "Eastbourne", "Eastleigh", "Elmbridge", "Epping Forest", "Epsom and Ewell", "Erewash",
        "Exeter", "Fareham", "Fenland", "Folkestone and Hythe", "Forest of Dean", "Fylde", "Gedling",
        "Gloucester", "Gosport", "Gravesham", "Great Yarmouth", "Guildford", "Harborough", "Harlow",
        "Hastings", "Havant", "Hertsmere", "High Peak", "Hinckley and Bosworth", "Horsham",
        "Huntingdonshire", "Hyndburn", "Ipswich", "King's Lynn and West Norfolk", "Lancaster",
        "Lewes", "Lichfield", "Lincoln", "Maidstone", "Maldon", "Malvern Hills", "Mansfield",
        "Melton", "Mid Devon", "Mid Suffolk", "Mid Sussex", "Mole Valley", "New Forest",
        "Newark and Sherwood", "Newcastle-under-Lyme", "North Devon", "North East Derbyshire",
        "North Hertfordshire", "North Kesteven", "North Norfolk", "North West Leicestershire",
        "Norwich", "Nuneaton and Bedworth", "Oadby and Wigston", "Oxford", "Pendle", "Preston",
        "Redditch", "Reigate and Banstead", "Ribble Valley", "Rochford", "Rossendale", "Rugby",
        "Runnymede", "Rushcliffe", "Rushmoor", "Sevenoaks", "South Cambridgeshire",
        "South Derbyshire", "South Hams", "South Holland", "South Kesteven", "South Norfolk",
        "South Oxfordshire", "South Ribble", "South Staffordshire", "Spelthorne", "St Albans",
        "Stafford", "Staffordshire Moorlands", "Stevenage", "Stratford-on-Avon", "Stroud",
        "Surrey Heath", "Swale", "Tamworth", "Tandridge", "Teignbridge", "Tendring", "Test Valley",
        "Tewkesbury", "Thanet", "Three Rivers", "Tonbridge and Malling", "Torridge",
        "Tunbridge Wells", "Uttlesford", "Vale of White Horse", "Warwick", "Watford", "Waverley",
        "Wealden", "Welwyn Hatfield", "West Devon", "West Lancashire", "West Lindsey",
        "West Oxfordshire", "West Suffolk", "Winchester", "Woking", "Worcester", "Worthing",
        "Wychavon", "Wyre", "Wyre Forest",
    ]

    /// Suffixes appended, in order, once the list is exhausted.
    static let suffixes = ["North", "South", "East", "West", "Central", "Rural", "Urban", "Coastal"]

    /// `count` names unique case-insensitively: the list in a seeded order, then the list again
    /// with suffixes (`Fife North`), then numbered (`Fife 10`).
    static func names(count: Int, rng: inout SeededGenerator) -> [String] {
        var base = all
        rng.shuffle(&base)
        var out: [String] = []
        out.reserveCapacity(count)
        var seen = Set<String>()
        var round = 0
        while out.count < count {
            for name in base where out.count < count {
                let candidate: String
                if round == 0 { candidate = name }
                else if round <= suffixes.count { candidate = "\(name) \(suffixes[round - 1])" }
                else { candidate = "\(name) \(round - suffixes.count + 1)" }
                if seen.insert(candidate.lowercased()).inserted { out.append(candidate) }
            }
            round += 1
        }
        return out
    }
}
