package understand

// postcodeAreas are the UK postcode areas (the letters before the first digit).
// A string that looks like a postcode but names no area is rejected, which
// catches "HI5" and friends.
var postcodeAreas = toSet(`AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY
E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU
M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW
SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE`)

// innerLondonAreas lie wholly in London and all their districts are in
// districtBorough, so an unknown district there is a typo, not a place.
var innerLondonAreas = toSet("E EC N NW SE SW W WC")

// districtBorough maps London postcode districts to the borough most of the
// district lies in. Districts straddle borough boundaries freely (E2 is mostly
// Tower Hamlets but partly Hackney; SW16 spans Lambeth, Croydon and Merton), so
// this is a routing default for suggesting services, not an address lookup.
// Sub-districts (W1T, EC1N ...) are listed where they differ from the parent.
// Outer areas (BR, CR, DA, EN, HA, IG, KT, RM, SM, TN, TW, UB) list only their
// London districts; the rest (e.g. DA1 Dartford, KT7 Thames Ditton) are valid
// non-London postcodes.
var districtBorough = map[string]string{
	// East.
	"E1": "Tower Hamlets", "E1W": "Tower Hamlets", "E2": "Tower Hamlets", "E3": "Tower Hamlets",
	"E4": "Waltham Forest", "E5": "Hackney", "E6": "Newham", "E7": "Newham", "E8": "Hackney", "E9": "Hackney",
	"E10": "Waltham Forest", "E11": "Waltham Forest", "E12": "Newham", "E13": "Newham", "E14": "Tower Hamlets",
	"E15": "Newham", "E16": "Newham", "E17": "Waltham Forest", "E18": "Redbridge", "E20": "Newham",
	"E98": "Tower Hamlets",
	// East Central.
	"EC1": "Islington", "EC1A": "City of London", "EC1M": "Islington", "EC1N": "Camden", "EC1P": "Islington",
	"EC1R": "Islington", "EC1V": "Islington", "EC1Y": "Islington",
	"EC2": "City of London", "EC2A": "Hackney", "EC2M": "City of London", "EC2N": "City of London",
	"EC2P": "City of London", "EC2R": "City of London", "EC2V": "City of London", "EC2Y": "City of London",
	"EC3": "City of London", "EC3A": "City of London", "EC3M": "City of London", "EC3N": "City of London",
	"EC3P": "City of London", "EC3R": "City of London", "EC3V": "City of London",
	"EC4": "City of London", "EC4A": "City of London", "EC4M": "City of London", "EC4N": "City of London",
	"EC4P": "City of London", "EC4R": "City of London", "EC4V": "City of London", "EC4Y": "City of London",
	// North.
	"N1": "Islington", "N1C": "Camden", "N1P": "Islington", "N2": "Barnet", "N3": "Barnet", "N4": "Haringey",
	"N5": "Islington", "N6": "Haringey", "N7": "Islington", "N8": "Haringey", "N9": "Enfield", "N10": "Haringey",
	"N11": "Barnet", "N12": "Barnet", "N13": "Enfield", "N14": "Enfield", "N15": "Haringey", "N16": "Hackney",
	"N17": "Haringey", "N18": "Enfield", "N19": "Islington", "N20": "Barnet", "N21": "Enfield", "N22": "Haringey",
	"N81": "Islington",
	// North West.
	"NW1": "Camden", "NW1W": "Camden", "NW2": "Brent", "NW3": "Camden", "NW4": "Barnet", "NW5": "Camden",
	"NW6": "Camden", "NW7": "Barnet", "NW8": "Westminster", "NW9": "Barnet", "NW10": "Brent", "NW11": "Barnet",
	"NW26": "Brent",
	// South East.
	"SE1": "Southwark", "SE1P": "Southwark", "SE2": "Greenwich", "SE3": "Greenwich", "SE4": "Lewisham",
	"SE5": "Southwark", "SE6": "Lewisham", "SE7": "Greenwich", "SE8": "Lewisham", "SE9": "Greenwich",
	"SE10": "Greenwich", "SE11": "Lambeth", "SE12": "Lewisham", "SE13": "Lewisham", "SE14": "Lewisham",
	"SE15": "Southwark", "SE16": "Southwark", "SE17": "Southwark", "SE18": "Greenwich", "SE19": "Croydon",
	"SE20": "Bromley", "SE21": "Southwark", "SE22": "Southwark", "SE23": "Lewisham", "SE24": "Lambeth",
	"SE25": "Croydon", "SE26": "Lewisham", "SE27": "Lambeth", "SE28": "Greenwich",
	// South West.
	"SW1": "Westminster", "SW1A": "Westminster", "SW1E": "Westminster", "SW1H": "Westminster",
	"SW1P": "Westminster", "SW1V": "Westminster", "SW1W": "Westminster", "SW1X": "Westminster",
	"SW1Y": "Westminster", "SW2": "Lambeth", "SW3": "Kensington and Chelsea", "SW4": "Lambeth",
	"SW5": "Kensington and Chelsea", "SW6": "Hammersmith and Fulham", "SW7": "Kensington and Chelsea",
	"SW8": "Lambeth", "SW9": "Lambeth", "SW10": "Kensington and Chelsea", "SW11": "Wandsworth",
	"SW12": "Wandsworth", "SW13": "Richmond upon Thames", "SW14": "Richmond upon Thames", "SW15": "Wandsworth",
	"SW16": "Lambeth", "SW17": "Wandsworth", "SW18": "Wandsworth", "SW19": "Merton", "SW20": "Merton",
	"SW95": "Lambeth",
	// West.
	"W1": "Westminster", "W1A": "Westminster", "W1B": "Westminster", "W1C": "Westminster", "W1D": "Westminster",
	"W1F": "Westminster", "W1G": "Westminster", "W1H": "Westminster", "W1J": "Westminster", "W1K": "Westminster",
	"W1S": "Westminster", "W1T": "Camden", "W1U": "Westminster", "W1W": "Westminster",
	"W2": "Westminster", "W3": "Ealing", "W4": "Hounslow", "W5": "Ealing", "W6": "Hammersmith and Fulham",
	"W7": "Ealing", "W8": "Kensington and Chelsea", "W9": "Westminster", "W10": "Kensington and Chelsea",
	"W11": "Kensington and Chelsea", "W12": "Hammersmith and Fulham", "W13": "Ealing", "W14": "Hammersmith and Fulham",
	// West Central.
	"WC1": "Camden", "WC1A": "Camden", "WC1B": "Camden", "WC1E": "Camden", "WC1H": "Camden", "WC1N": "Camden",
	"WC1R": "Camden", "WC1V": "Camden", "WC1X": "Camden", "WC2": "Westminster", "WC2A": "Camden",
	"WC2B": "Camden", "WC2E": "Westminster", "WC2H": "Westminster", "WC2N": "Westminster", "WC2R": "Westminster",
	// Outer London.
	"BR1": "Bromley", "BR2": "Bromley", "BR3": "Bromley", "BR4": "Bromley", "BR5": "Bromley", "BR6": "Bromley",
	"BR7": "Bromley",
	"CR0": "Croydon", "CR2": "Croydon", "CR4": "Merton", "CR5": "Croydon", "CR7": "Croydon", "CR8": "Croydon",
	"CR9": "Croydon", "CR44": "Croydon", "CR90": "Croydon",
	"DA5": "Bexley", "DA6": "Bexley", "DA7": "Bexley", "DA8": "Bexley", "DA14": "Bexley", "DA15": "Bexley",
	"DA16": "Bexley", "DA17": "Bexley", "DA18": "Bexley",
	"EN1": "Enfield", "EN2": "Enfield", "EN3": "Enfield", "EN4": "Barnet", "EN5": "Barnet",
	"HA0": "Brent", "HA1": "Harrow", "HA2": "Harrow", "HA3": "Harrow", "HA4": "Hillingdon", "HA5": "Harrow",
	"HA6": "Hillingdon", "HA7": "Harrow", "HA8": "Barnet", "HA9": "Brent",
	"IG1": "Redbridge", "IG2": "Redbridge", "IG3": "Redbridge", "IG4": "Redbridge", "IG5": "Redbridge",
	"IG6": "Redbridge", "IG8": "Redbridge", "IG11": "Barking and Dagenham",
	"KT1": "Kingston upon Thames", "KT2": "Kingston upon Thames", "KT3": "Kingston upon Thames",
	"KT4": "Sutton", "KT5": "Kingston upon Thames", "KT6": "Kingston upon Thames", "KT9": "Kingston upon Thames",
	"RM1": "Havering", "RM2": "Havering", "RM3": "Havering", "RM5": "Havering", "RM6": "Barking and Dagenham",
	"RM7": "Havering", "RM8": "Barking and Dagenham", "RM9": "Barking and Dagenham",
	"RM10": "Barking and Dagenham", "RM11": "Havering", "RM12": "Havering", "RM13": "Havering", "RM14": "Havering",
	"SM1": "Sutton", "SM2": "Sutton", "SM3": "Sutton", "SM4": "Merton", "SM5": "Sutton", "SM6": "Sutton",
	// TN16 is mostly Biggin Hill, which is in Bromley.
	"TN16": "Bromley",
	"TW1":  "Richmond upon Thames", "TW2": "Richmond upon Thames", "TW3": "Hounslow", "TW4": "Hounslow",
	"TW5": "Hounslow", "TW6": "Hillingdon", "TW7": "Hounslow", "TW8": "Hounslow", "TW9": "Richmond upon Thames",
	"TW10": "Richmond upon Thames", "TW11": "Richmond upon Thames", "TW12": "Richmond upon Thames",
	"TW13": "Hounslow", "TW14": "Hounslow",
	"UB1": "Ealing", "UB2": "Ealing", "UB3": "Hillingdon", "UB4": "Hillingdon", "UB5": "Ealing", "UB6": "Ealing",
	"UB7": "Hillingdon", "UB8": "Hillingdon", "UB9": "Hillingdon", "UB10": "Hillingdon", "UB11": "Hillingdon",
	"UB18": "Hillingdon",
}
