//! Test inputs: the real health-information career map and a generated one.

use super::model::{LevelIn, MapInput, MoveIn, MoveKind, TitleIn};

/// The real map: levels (unindented), their titles (indented), then the moves
/// (`<->` is two-way; L = lateral, A = advance). Master's has no titles.
const REAL: &str = "
certificate: Certificate
  health-information-clerk: Health information clerk
  medical-records-clerk: Medical records clerk
  coder: Coder
  medical-records-technician: Medical records technician
  health-information-technician: Health information technician
  health-information-specialist: Health information specialist
  medical-records-coordinator: Medical records coordinator
associate: Associate degree
  registered-health-information-technician: Registered health information technician (RHIT)
  health-information-technologist: Health information technologist
  medical-registrar: Medical registrar
  medical-records-analyst: Medical records analyst
bachelor: Bachelor's degree
  medical-records-director: Medical records director
  medical-and-health-services-manager: Medical and health services manager
master: Master's degree
moves
health-information-clerk <-> medical-records-clerk L
health-information-clerk -> health-information-technician A
medical-records-clerk -> medical-records-technician A
coder <-> medical-records-technician L
coder -> registered-health-information-technician A
medical-records-technician <-> health-information-technician L
medical-records-technician -> registered-health-information-technician A
health-information-technician <-> health-information-specialist L
health-information-technician -> registered-health-information-technician A
health-information-specialist -> registered-health-information-technician A
health-information-specialist -> medical-records-coordinator A
medical-records-technician -> medical-records-coordinator A
registered-health-information-technician -> health-information-technologist A
registered-health-information-technician -> medical-records-analyst A
registered-health-information-technician -> medical-registrar A
health-information-technologist <-> medical-records-analyst L
health-information-technologist <-> medical-registrar L
health-information-technologist -> medical-records-director A
medical-records-analyst -> medical-records-director A
medical-registrar -> medical-and-health-services-manager A
medical-records-coordinator -> medical-and-health-services-manager A
medical-records-coordinator -> registered-health-information-technician A
medical-records-director <-> medical-and-health-services-manager L
";

/// Parses [`REAL`] into a map input.
pub(super) fn real() -> MapInput<'static> {
    let mut m = MapInput {
        levels: Vec::new(),
        titles: Vec::new(),
        moves: Vec::new(),
    };
    let mut lines = REAL.lines().filter(|l| !l.trim().is_empty());
    for line in lines.by_ref().take_while(|l| *l != "moves") {
        let (id, name) = line.trim().split_once(": ").unwrap();
        if line.starts_with(' ') {
            let level = m.levels.len() - 1;
            m.titles.push(TitleIn { id, name, level });
        } else {
            m.levels.push(LevelIn { name });
        }
    }
    for line in lines {
        let w: Vec<&str> = line.split(' ').collect();
        let idx = |id: &str| m.titles.iter().position(|t| t.id == id).unwrap();
        let (from, to) = (idx(w[0]), idx(w[2]));
        let kind = if w[3] == "L" {
            MoveKind::Lateral
        } else {
            MoveKind::Advance
        };
        m.moves.push(MoveIn { from, to, kind });
        if w[1] == "<->" {
            m.moves.push(MoveIn {
                from: to,
                to: from,
                kind,
            });
        }
    }
    m
}

/// 5 levels, 20 titles, 35 moves from a fixed LCG seed (includes level skips and cross-level laterals).
pub(super) fn generated(names: &[String]) -> MapInput<'_> {
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 33) % n as u64) as usize
    };
    let levels = ["l0", "l1", "l2", "l3", "l4"]
        .map(|id| LevelIn { name: id })
        .into();
    let titles: Vec<TitleIn<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| TitleIn {
            id: n,
            name: n,
            level: i % 5,
        })
        .collect();
    let mut moves = Vec::new();
    while moves.len() < 35 {
        let (a, b) = (next(20), next(20));
        let (la, lb) = (titles[a].level, titles[b].level);
        if a != b {
            let kind = if la == lb || next(4) == 0 {
                MoveKind::Lateral
            } else {
                MoveKind::Advance
            };
            let (from, to) = if kind == MoveKind::Advance && la > lb {
                (b, a)
            } else {
                (a, b)
            };
            moves.push(MoveIn { from, to, kind });
        }
    }
    MapInput {
        levels,
        titles,
        moves,
    }
}

/// Names for [`generated`]'s 20 titles (words repeat; some wrap).
pub(super) fn gen_names() -> Vec<String> {
    let words = [
        "Senior",
        "data",
        "analyst",
        "health",
        "records",
        "specialist",
        "coordinator",
        "manager",
    ];
    (0..20)
        .map(|i| format!("{} {} {}", words[i % 8], words[(i * 3 + 1) % 8], i))
        .collect()
}
