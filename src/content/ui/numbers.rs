//! Numbers as an edition's readers write them, from `[numbers]` in
//! `ui/<lang>.toml`: the thousands separator, the decimal mark, and where
//! the currency sign and the percent sign go (`$50,250` or `50 250 $`).

use super::Numbers;
use crate::util::text::fill;

impl Numbers {
    /// `12345` -> `12,345` (with the edition's separator).
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * self.group.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }

    /// `58250` -> `$58,250`.
    pub fn money(&self, n: u32) -> String {
        fill(&self.money, &[("amount", &self.number(u64::from(n)))])
    }

    /// `24.16` -> `$24.16`.
    pub fn cents(&self, x: f64) -> String {
        fill(&self.money, &[("amount", &self.decimal(x, 2))])
    }

    /// `8.0` -> `8%`, `3.1` -> `3.1%`.
    pub fn percent(&self, p: f64) -> String {
        let value = if p.fract() == 0.0 {
            format!("{p:.0}")
        } else {
            p.to_string().replace('.', &self.decimal)
        };
        fill(&self.percent, &[("percent", &value)])
    }

    /// `1234.5` with 2 places -> `1,234.50`.
    pub fn decimal(&self, x: f64, places: usize) -> String {
        let text = format!("{:.places$}", x.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('-');
        }
        out.push_str(&self.number(whole.parse().unwrap_or(0)));
        if !fraction.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Numbers;

    fn numbers(group: &str, decimal: &str, money: &str, percent: &str) -> Numbers {
        Numbers {
            group: group.into(),
            decimal: decimal.into(),
            money: money.into(),
            percent: percent.into(),
        }
    }

    #[test]
    fn numbers_follow_the_declared_format() {
        let us = numbers(",", ".", "${amount}", "{percent}%");
        assert_eq!(us.number(0), "0");
        assert_eq!(us.number(1000), "1,000");
        assert_eq!(us.money(110_680), "$110,680");
        assert_eq!(us.cents(24.156), "$24.16");
        assert_eq!(us.cents(1234.5), "$1,234.50");
        assert_eq!(us.percent(16.0), "16%");
        assert_eq!(us.percent(3.1), "3.1%");
        let other = numbers("\u{a0}", ",", "{amount}\u{a0}$", "{percent}\u{a0}%");
        assert_eq!(other.money(50_250), "50\u{a0}250\u{a0}$");
        assert_eq!(other.cents(24.5), "24,50\u{a0}$");
        assert_eq!(other.percent(3.1), "3,1\u{a0}%");
        assert_eq!(other.decimal(-0.004, 2), "0,00");
    }
}
