//! Copying runs of pages into an instance's linear memory.
//!
//! Most of the time of a large copy into a fresh instance is page faults: each
//! page of its memory is mapped on its first write (about 2 µs each on a VM,
//! so 6 ms for a 12 MB fork against 2 ms of copying). Where a run covers whole
//! 2 MiB blocks, the kernel is therefore asked for transparent huge pages
//! there (`MADV_HUGEPAGE`, which THP's default "madvise" mode honours), so
//! such a block takes one fault instead of 512. Nothing else changes: those
//! pages are all written anyway. The flag stays on the range for later
//! instances in the same memory slot, whose pages there are then huge too;
//! a checkpoint copies a whole huge page when a cell writes into it.
//! (Spreading the copy over two threads gained nothing measurable.)

/// The size of a transparent huge page on x86-64 and most arm64 kernels.
const HUGE_PAGE: usize = 2 << 20;

/// Copies each `(offset, bytes)` run into `memory` at its offset. Runs must
/// not overlap; a run past the end of `memory` is refused before anything
/// is written.
pub fn copy_runs(memory: &mut [u8], runs: &[(usize, &[u8])]) -> Result<(), String> {
    for (target, bytes) in targets(memory, runs)? {
        prefer_huge_pages(target);
        target.copy_from_slice(bytes);
    }
    Ok(())
}

/// Where a run goes in the memory, and its bytes.
type Target<'m, 'b> = (&'m mut [u8], &'b [u8]);

/// `memory` cut into the targets of `runs`, in order of address.
fn targets<'m, 'b>(
    memory: &'m mut [u8],
    runs: &[(usize, &'b [u8])],
) -> Result<Vec<Target<'m, 'b>>, String> {
    let mut sorted = runs.to_vec();
    sorted.sort_unstable_by_key(|&(offset, _)| offset);
    let mut targets = Vec::with_capacity(sorted.len());
    let (mut rest, mut rest_starts) = (memory, 0);
    for (offset, bytes) in sorted {
        let skip = offset
            .checked_sub(rest_starts)
            .ok_or("the image's runs overlap")?;
        if skip + bytes.len() > rest.len() {
            return Err("the image is larger than the memory".to_owned());
        }
        let (target, after) = std::mem::take(&mut rest)[skip..].split_at_mut(bytes.len());
        (rest, rest_starts) = (after, offset + bytes.len());
        targets.push((target, bytes));
    }
    Ok(targets)
}

/// Asks for huge pages on the 2 MiB blocks that `target` covers whole. Best
/// effort: without THP the pages are just small.
fn prefer_huge_pages(target: &mut [u8]) {
    let start = (target.as_ptr() as usize).next_multiple_of(HUGE_PAGE);
    let end = (target.as_ptr() as usize + target.len()) & !(HUGE_PAGE - 1);
    if end > start {
        // SAFETY: the range lies inside `target`, memory this call may write;
        // MADV_HUGEPAGE changes how its pages are backed, never its contents.
        unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_every_run_to_its_offset_whatever_their_order() {
        let big: Vec<u8> = (0..(6 << 20)).map(|i: usize| (i % 251) as u8).collect();
        let mut memory = vec![0u8; 8 << 20];
        let runs = [(7 << 20, &b"tail"[..]), (100, &big[..]), (50, &b"head"[..])];
        copy_runs(&mut memory, &runs).unwrap();
        assert_eq!(&memory[50..54], b"head");
        assert_eq!(&memory[54..100], &[0; 46]);
        assert!(memory[100..100 + big.len()] == big[..]);
        assert_eq!(&memory[7 << 20..(7 << 20) + 4], b"tail");
        assert!(memory[(7 << 20) + 4..].iter().all(|&byte| byte == 0));
    }

    #[test]
    fn refuses_runs_past_the_end_or_overlapping_before_writing() {
        let mut memory = vec![0u8; 16];
        let past = copy_runs(&mut memory, &[(0, &b"ab"[..]), (15, &b"xy"[..])]);
        assert_eq!(past.unwrap_err(), "the image is larger than the memory");
        let overlapping = copy_runs(&mut memory, &[(0, &b"abc"[..]), (2, &b"xy"[..])]);
        assert_eq!(overlapping.unwrap_err(), "the image's runs overlap");
        assert_eq!(memory, [0; 16]);
    }
}
