"""Passwords and usernames for pupil accounts that a teacher creates and prints on login slips.

Pupils copy the password from paper onto a shared phone, often with little reading practice, so a
password is four short common French words and two digits, e.g. "tigre-maison-lune-42": all lower
case (no shift key), no accents (no long-press on the keyboard), and real words a child can
recognise and sound out instead of copying a random string symbol by symbol.

Entropy: 4 * log2(len(WORDS)) + log2(100) = 4 * log2(827) + 6.64 = 45.41 bits (at least 40 is
required). Three words would need more than 2,200 simple words to reach 40 bits; four words from
a list of 512 or more always get there. The attacker is assumed to know the list and the format.
"""

import math
import re
import secrets
import unicodedata
from collections.abc import Callable

# Words a child can read and that are harmless in any combination the generator may produce:
# 4 to 7 letters a-z, correctly spelled WITHOUT accents (no "ecole" for "école"), nothing about the
# body, sex, violence, death, illness, religion or magic, politics or the army, alcohol or pork.
# Also left out: words with a vulgar, drug or slur second meaning (e.g. "poule", "moule",
# "tante", "herbe", "coco", "melon"), insults for people ("vache", "nouille"), the colour words
# "noir", "blanc", "jaune" and monkeys, which random pairings could turn racist, caste and ethnic
# markers ("griot"), compass points ("nord" evokes the conflict in Mali) and parent words
# ("maman", "papa") which hurt children who have lost theirs.
_WORDS_BY_THEME = {
    "Animals": """
        lion lionne tigre girafe ours loup renard lapin souris chat chaton chien chiot cheval poulain mouton
        agneau canard oiseau aigle hibou pigeon moineau corbeau cygne paon dauphin baleine requin poisson crabe
        tortue crapaud abeille fourmi mouche criquet grillon castor panda koala chameau gazelle bison buffle
        cerf biche mulet veau taureau cigogne flamant phoque thon sardine saumon truite carpe colibri toucan
        merle mouette lama chacal jaguar puma morse loutre taupe renne cabri pintade caille faucon ibis calao
        termite cigale tilapia varan fennec bouc mule homard pieuvre vautour milan pivert coucou puce bourdon
        limace canari dragon licorne
    """,
    "Food, from the market and the kitchen": """
        mangue banane orange citron papaye goyave ananas pomme poire cerise fraise raisin datte figue
        prune abricot kiwi tomate oignon carotte navet chou salade haricot sorgho fonio igname manioc
        patate gombo piment poivre sucre miel lait beurre fromage yaourt pain biscuit bonbon soupe sauce tarte
        galette beignet sirop farine olive noix amande vanille menthe cacao tamarin laitue persil radis poireau
        courge potiron soja orge avoine semoule pizza avocat kaki chips frites tartine brioche flan compote
        sorbet glace caramel praline nougat dessert repas menu poulet huile baobab marron poivron bissap
    """,
    "Nature, landscapes, plants and materials": """
        soleil lune ciel nuage pluie vent neige arbre fleur feuille fleuve plage sable dune colline rocher
        caillou pierre terre nuit matin soir jour midi aube brise brume source prairie savane oasis rive berge
        vague marais jardin verger champ ferme village ville route chemin pont puits mare canal bassin cascade
        grotte volcan sommet falaise galet argile corail perle cristal diamant rubis argent cuivre bronze bois
        racine branche tronc graine tige buisson palmier rose tulipe lilas jasmin lotus iris cactus bambou
        mousse lierre sapin saule olivier acacia orage climat ombre rayon baie plaine plateau ravin torrent
        horizon paysage nature saison hiver automne mousson minuit givre marbre craie charbon jade ambre ivoire
        coton laine soie tissu pagne boubou bogolan indigo pommier poirier roseau lavande algue liane fruit
        noyau pousse bouquet gazon pelouse parc jungle brousse glacier
    """,
    "Things: home, school, music, sport, transport, the farm": """
        maison porte table chaise lampe bougie tapis rideau miroir horloge montre radio livre cahier crayon
        stylo gomme ardoise tableau papier carnet classe bureau banc panier seau tasse verre marmite four frigo
        balai savon brosse peigne cadeau ballon jouet toupie bille cerceau corde moto auto voiture camion train
        avion bateau pirogue taxi roue wagon valise tente cabane case toit cour salon cuisine grenier balcon
        garage piscine musique guitare piano tambour violon kora balafon harpe sifflet chanson danse dessin
        couleur image photo film conte lettre phrase page chiffre nombre calcul carte globe loupe colle pinceau
        bouton chapeau bonnet gant robe jupe chemise veste manteau pull short sandale botte bijou collier bague
        ruban ticket timbre colis paquet tiroir armoire placard coussin couette drap nappe vase jarre natte
        hamac moulin torche phare antenne clavier robot puzzle domino loto cuvette bidon gobelet tamis
        foyer poterie trousse feutre compas agenda album journal affiche dossier pupitre ampoule prise pile
        moteur pompe tuyau robinet lavabo cadre berceau parasol lunette jumelle micro cirque clown filet sport
        tennis judo rugby golf surf course match coupe arbitre stade piste terrain saut patin kayak voilier
        navire radeau barque ancre rame port quai gare aile pilote radar signal tunnel avenue place magasin
        cantine atelier usine banque poste devoir examen cercle ligne point angle cube ovale verbe fable roman
        rime refrain rythme note concert solo trio silence bruit voix parole projet travail outil marteau clou
        scie pince houe grange enclos portail volet paille foin
    """,
    "Colours and kind qualities": """
        rouge bleu vert violet gris beige clair doux calme joli gentil grand petit rapide froid facile simple
        propre rond long court haut large fort neuf jeune sage poli joyeux heureux content brave agile souple
        solide frais libre vrai juste beau belle mignon fier curieux timide aimable utile unique double triple
        entier plein pointu super lisse sombre amical habile patient prudent loyal modeste serein rieur robuste
        vivant humide nouveau ancien moderne rare secret parfait complet premier dernier proche voisin ravi
        tendre sportif actif solaire lunaire marin musical rigolo comique radieux neigeux nuageux orageux boueux
    """,
    "Everyday actions (infinitives)": """
        chanter danser jouer courir sauter nager lire compter parler marcher rire sourire dormir manger boire
        planter arroser grandir partir venir voir aider donner penser ranger laver porter monter rouler tourner
        briller trouver gagner finir choisir savoir ouvrir fermer pousser lancer semer peindre colorer coller
        plier mesurer ajouter arriver visiter voyager grimper glisser flotter plonger ramer siffler saluer
        appeler balayer trier classer copier cliquer envoyer offrir prendre tenir lever poser cacher bouger
        filer galoper trotter ramper rester brosser deviner essayer fleurir germer neiger geler cuire griller
        remuer verser revenir rentrer sortir entrer avancer reculer suivre guider soigner nourrir garder veiller
        sauver unir former
    """,
    "People and trades": """
        cousin oncle copain enfant pompier facteur fermier berger docteur artiste danseur peintre potier
        conteur tonton jumeau groupe club meunier vendeur savant auteur lecteur acteur coureur nageur sauteur
        gardien guide chef patron
    """,
    "Greetings, feelings, time and places": """
        bonjour merci bravo salut voyage bonheur joie espoir courage respect sagesse science monde pays adresse
        code message forme mesure litre gramme minute seconde heure semaine avril juin juillet octobre janvier
        mars hier demain souvent partout dehors dedans dessus devant milieu bout coin bord fond reflet
    """,
}
WORDS: tuple[str, ...] = tuple(word for words in _WORDS_BY_THEME.values() for word in words.split())

PASSWORD_WORD_COUNT = 4
PASSWORD_DIGITS = 2
PASSWORD_ENTROPY_BITS = PASSWORD_WORD_COUNT * math.log2(len(WORDS)) + PASSWORD_DIGITS * math.log2(10)


def pupil_password_new() -> str:
    """A fresh password such as "tigre-maison-lune-42". Words may repeat: that keeps every
    combination equally likely, so the entropy above is exact."""
    words = [secrets.choice(WORDS) for _ in range(PASSWORD_WORD_COUNT)]
    # Zero-padded so "07" keeps two digits: every one of the 100 endings is equally likely.
    number = f"{secrets.randbelow(10**PASSWORD_DIGITS):0{PASSWORD_DIGITS}d}"
    return "-".join([*words, number])


# --- Usernames ----------------------------------------------------------------------------------

USERNAME_MAX_LENGTH = 30
USERNAME_FALLBACK = "eleve"
# More homonyms than this in one school means something else is wrong (or `taken` always says yes).
_USERNAME_MAX_SUFFIX = 10_000

# Letters that Unicode does not decompose into a base letter plus accents. Bambara, the most
# spoken language of Mali, writes with the first four; their usual French-keyboard spellings are
# used. Upper- and lower-case forms both appear because this runs before lower-casing.
_LETTERS_TO_ASCII = str.maketrans(
    {
        "ɛ": "e",
        "Ɛ": "e",
        "ɔ": "o",
        "Ɔ": "o",
        "ɲ": "ny",
        "Ɲ": "ny",
        "ŋ": "ng",
        "Ŋ": "ng",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
    }
)
# Apostrophes join the parts of one name ("N'Diaye" -> "ndiaye"); every other non-alphanumeric
# character (space, hyphen, "<", ...) separates words.
_APOSTROPHES = re.compile(r"['’ʼ‘`´]")
_WORD = re.compile(r"[a-z0-9]+")


def _username_base(full_name: str) -> str:
    text = full_name.translate(_LETTERS_TO_ASCII)
    # NFKD splits "ï" into "i" + a combining diaeresis, which is then dropped.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = _APOSTROPHES.sub("", text)
    # Letters of other scripts (Arabic, N'Ko) have no ASCII form and fall away here.
    base = ".".join(_WORD.findall(text))
    return base[:USERNAME_MAX_LENGTH].strip(".") or USERNAME_FALLBACK


def username_from_name(full_name: str, *, taken: Callable[[str], bool]) -> str:
    """A short login name: "Aïssata Traoré" -> "aissata.traore", then "aissata.traore.2" and so on
    while `taken(candidate)` is true. Only [a-z0-9.], at most 30 characters, "eleve" if the name
    has no usable letter. The database's unique constraint still has the last word on races.
    """
    base = _username_base(full_name)
    if not taken(base):
        return base
    for number in range(2, _USERNAME_MAX_SUFFIX):
        suffix = f".{number}"
        # Shorten the name, never the suffix, so that the result stays within the limit.
        candidate = base[: USERNAME_MAX_LENGTH - len(suffix)].rstrip(".") + suffix
        if not taken(candidate):
            return candidate
    raise RuntimeError(f"no free username for {base!r} after {_USERNAME_MAX_SUFFIX} tries")
