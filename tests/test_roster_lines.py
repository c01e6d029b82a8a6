"""A minutes' roster: each line a name, then its title ("Greg Zlotnick Water Resources Manager", "Shawn
Huckaby - Customer Service Manager"); a surname that is also a word of page furniture ("Gary Page");
committees listed by their members' surnames ("Public Relations Committee – (Page, Carey)")."""
from __future__ import annotations

ROSTER = ("DISTRICT ATTENDEES\n\nMike Carey - Board Member\n\nMisha Sarkovich - Board Member\n\n"
          "Gary Page - Board Vice President\n\nShawn Huckaby - Customer Service Manager\n\n"
          "MANAGEMENT AND STAFF\nPaul Helliker General Manager\nGreg Zlotnick Water Resources Manager\n\n"
          "COMMITTEE REPORTS\n\n5. Public Relations Committee – (Page, Carey)\n\n"
          "3. Finance Committee – (Sarkovich, Carey)\n\nThe board approved the budget.")


def test_a_rosters_names_stop_before_their_titles(people) -> None:
    found = people(ROSTER)
    for name in ("Mike Carey", "Misha Sarkovich", "Gary Page", "Shawn Huckaby", "Paul Helliker", "Greg Zlotnick"):
        assert name in found, found
    assert not any(n.endswith(("Water", "Customer Service")) for n in found), found


def test_members_listed_by_surname_make_no_new_person(people) -> None:
    found = people(ROSTER)
    assert "Carey Page" not in found and "Carey Sarkovich" not in found, found


def test_page_furniture_still_makes_no_person(people) -> None:
    assert people("Photo Credit\n\nRead More\n\nThe board approved the budget on Monday.") == []
