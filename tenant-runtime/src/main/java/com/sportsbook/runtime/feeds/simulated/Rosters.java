package com.sportsbook.runtime.feeds.simulated;

import java.util.List;

/**
 * Who takes part in the simulated world: football clubs of the Premier League and La Liga with a strength rating and
 * a few goalscorers each, ATP players with a rating, NBA and EuroLeague teams with a rating and the shape of their
 * game (quarter length, possessions, points). Ratings are rough, for plausible prices, not a forecast.
 */
final class Rosters {

    /** A football club: rating about -0.5 (weak) to 0.6 (strong), its likeliest goalscorers first. */
    record Club(String name, double rating, List<String> scorers) {
    }

    /** A football competition and its country. */
    record League(String category, String name, String slug, List<Club> clubs) {
    }

    /** A tennis player: rating 0 (journeyman) to 1 (the best). */
    record Player(String name, double rating) {
    }

    /** A tennis tournament and its tour. */
    record Tournament(String category, String name) {
    }

    /** A basketball team: rating -1 to 1. */
    record Team(String name, double rating) {
    }

    /**
     * A basketball competition: quarter length in minutes, possessions per team in regulation (dividing the
     * regulation milliseconds evenly), the average team's points and the points a rating step is worth.
     */
    record Hoops(String category, String name, int quarterMinutes, int possessions, double averagePoints,
            double pointsPerRating, List<Team> teams) {
    }

    static final List<League> FOOTBALL = List.of(
            new League("England", "Premier League", "premier-league", List.of(
                    club("Arsenal", 0.50, "Bukayo Saka", "Kai Havertz", "Gabriel Martinelli"),
                    club("Manchester City", 0.55, "Erling Haaland", "Phil Foden", "Omar Marmoush"),
                    club("Liverpool", 0.55, "Mohamed Salah", "Cody Gakpo", "Dominik Szoboszlai"),
                    club("Chelsea", 0.30, "Cole Palmer", "Joao Pedro", "Enzo Fernandez"),
                    club("Tottenham Hotspur", 0.15, "Dominic Solanke", "Richarlison", "James Maddison"),
                    club("Manchester United", 0.10, "Bruno Fernandes", "Bryan Mbeumo", "Matheus Cunha"),
                    club("Newcastle United", 0.25, "Anthony Gordon", "Harvey Barnes", "Bruno Guimaraes"),
                    club("Aston Villa", 0.20, "Ollie Watkins", "Morgan Rogers", "John McGinn"),
                    club("Brighton", 0.05, "Danny Welbeck", "Kaoru Mitoma", "Georginio Rutter"),
                    club("West Ham United", -0.10, "Jarrod Bowen", "Lucas Paqueta", "Tomas Soucek"),
                    club("Crystal Palace", -0.05, "Jean-Philippe Mateta", "Ismaila Sarr", "Daniel Munoz"),
                    club("Everton", -0.20, "Beto", "Iliman Ndiaye", "Jack Grealish"),
                    club("Brentford", -0.10, "Igor Thiago", "Kevin Schade", "Mikkel Damsgaard"),
                    club("Fulham", -0.10, "Raul Jimenez", "Alex Iwobi", "Emile Smith Rowe"),
                    club("Nottingham Forest", 0.00, "Chris Wood", "Morgan Gibbs-White", "Callum Hudson-Odoi"),
                    club("Wolves", -0.30, "Jorgen Strand Larsen", "Hwang Hee-chan", "Joao Gomes"))),
            new League("Spain", "La Liga", "la-liga", List.of(
                    club("Real Madrid", 0.60, "Kylian Mbappe", "Vinicius Junior", "Jude Bellingham"),
                    club("Barcelona", 0.55, "Robert Lewandowski", "Lamine Yamal", "Raphinha"),
                    club("Atletico Madrid", 0.35, "Julian Alvarez", "Antoine Griezmann", "Alexander Sorloth"),
                    club("Athletic Bilbao", 0.15, "Nico Williams", "Inaki Williams", "Oihan Sancet"),
                    club("Real Sociedad", 0.00, "Mikel Oyarzabal", "Takefusa Kubo", "Brais Mendez"),
                    club("Villarreal", 0.15, "Gerard Moreno", "Ayoze Perez", "Nicolas Pepe"),
                    club("Real Betis", 0.05, "Isco", "Giovani Lo Celso", "Cucho Hernandez"),
                    club("Sevilla", -0.10, "Isaac Romero", "Ruben Vargas", "Chidera Ejuke"),
                    club("Valencia", -0.15, "Hugo Duro", "Diego Lopez", "Luis Rioja"),
                    club("Girona", -0.10, "Cristhian Stuani", "Viktor Tsygankov", "Bryan Gil"),
                    club("Osasuna", -0.15, "Ante Budimir", "Aimar Oroz", "Ruben Garcia"),
                    club("Celta Vigo", -0.10, "Iago Aspas", "Borja Iglesias", "Williot Swedberg"))));

    static final List<Player> TENNIS_PLAYERS = List.of(
            new Player("Jannik Sinner", 1.00), new Player("Carlos Alcaraz", 0.98), new Player("Alexander Zverev", 0.80),
            new Player("Novak Djokovic", 0.85), new Player("Taylor Fritz", 0.72), new Player("Jack Draper", 0.68),
            new Player("Casper Ruud", 0.62), new Player("Alex de Minaur", 0.66), new Player("Daniil Medvedev", 0.64),
            new Player("Holger Rune", 0.58), new Player("Lorenzo Musetti", 0.63), new Player("Ben Shelton", 0.66),
            new Player("Tommy Paul", 0.58), new Player("Andrey Rublev", 0.56), new Player("Stefanos Tsitsipas", 0.52),
            new Player("Frances Tiafoe", 0.48), new Player("Grigor Dimitrov", 0.50), new Player("Ugo Humbert", 0.45),
            new Player("Arthur Fils", 0.55), new Player("Jakub Mensik", 0.54));

    static final List<Tournament> TENNIS_TOURNAMENTS = List.of(
            new Tournament("ATP", "Paris Masters"), new Tournament("ATP", "Vienna Open"),
            new Tournament("ATP", "Swiss Indoors Basel"), new Tournament("ATP", "Shanghai Masters"));

    static final List<Hoops> BASKETBALL = List.of(
            new Hoops("USA", "NBA", 12, 100, 114, 6, List.of(
                    new Team("Boston Celtics", 0.8), new Team("Denver Nuggets", 0.6), new Team("Milwaukee Bucks", 0.4),
                    new Team("Los Angeles Lakers", 0.3), new Team("Golden State Warriors", 0.3),
                    new Team("Oklahoma City Thunder", 0.9), new Team("New York Knicks", 0.6),
                    new Team("Dallas Mavericks", 0.2), new Team("Phoenix Suns", 0.0), new Team("Miami Heat", 0.0),
                    new Team("Minnesota Timberwolves", 0.5), new Team("Cleveland Cavaliers", 0.7),
                    new Team("Chicago Bulls", -0.3), new Team("Toronto Raptors", -0.4))),
            new Hoops("Europe", "EuroLeague", 10, 75, 81, 5, List.of(
                    new Team("Real Madrid", 0.6), new Team("FC Barcelona", 0.4), new Team("Olympiacos", 0.6),
                    new Team("Panathinaikos", 0.6), new Team("Fenerbahce", 0.7), new Team("Anadolu Efes", 0.1),
                    new Team("AS Monaco", 0.5), new Team("Maccabi Tel Aviv", 0.0), new Team("Partizan Belgrade", 0.0),
                    new Team("Zalgiris Kaunas", 0.1), new Team("Virtus Bologna", -0.2),
                    new Team("Olimpia Milano", 0.1))));

    private Rosters() {
    }

    private static Club club(String name, double rating, String... scorers) {
        return new Club(name, rating, List.of(scorers));
    }
}
