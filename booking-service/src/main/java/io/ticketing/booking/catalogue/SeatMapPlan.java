package io.ticketing.booking.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketing.booking.error.BookingException;
import io.ticketing.booking.error.ErrorCode;
import io.ticketing.platform.CommonError;

/**
 * A seat map as an operator defines it, checked whole before anything is stored: sections, each of
 * one grade and price, made of row ranges ({@code "1열"}, seats 1 to 50). The same seat may not be
 * defined twice, in one section or across two.
 */
public record SeatMapPlan(List<PlannedSeat> seats) {

    public record Section(String name, String grade, Long price, List<RowRange> rows) {
    }

    public record RowRange(String row, Integer from, Integer to) {
    }

    public record PlannedSeat(String row, int number, String grade, long price) {
    }

    static final int MAX_ROW_LENGTH = 16;
    static final int MAX_GRADE_LENGTH = 16;
    /** Seat numbers stay within seven digits: no hall numbers its seats further, and a range can never overflow. */
    public static final int MAX_SEAT_NUMBER = 9_999_999;
    /** Prices stay far from overflowing a booking's total (8 seats). */
    static final long MAX_PRICE = 1_000_000_000L;

    public static SeatMapPlan of(List<Section> sections, int maxSeats) {
        if (sections == null || sections.isEmpty()) {
            throw new BookingException(CommonError.MISSING_FIELD, "sections");
        }
        long total = 0;
        Map<String, List<int[]>> rangesByRow = new LinkedHashMap<>();
        List<PlannedSeat> seats = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String field = "sections[" + i + "]";
            if (section == null) {
                throw new BookingException(CommonError.MISSING_FIELD, field);
            }
            String name = section.name() == null || section.name().isBlank() ? field : section.name();
            String grade = checkedGrade(section.grade(), field + ".grade");
            long price = checkedPrice(section.price(), field + ".price");
            if (section.rows() == null || section.rows().isEmpty()) {
                throw new BookingException(ErrorCode.EMPTY_SECTION, name);
            }
            for (int j = 0; j < section.rows().size(); j++) {
                RowRange range = section.rows().get(j);
                String rangeField = field + ".rows[" + j + "]";
                if (range == null) {
                    throw new BookingException(CommonError.MISSING_FIELD, rangeField);
                }
                String row = checkedRow(range.row(), rangeField + ".row");
                if (range.from() == null || range.to() == null) {
                    throw new BookingException(CommonError.MISSING_FIELD, rangeField + (range.from() == null ? ".from" : ".to"));
                }
                if (range.from() < 1 || range.to() > MAX_SEAT_NUMBER) {
                    throw new BookingException(ErrorCode.INVALID_SEAT_NUMBER,
                            row + "-" + (range.from() < 1 ? range.from() : range.to()) + "번");
                }
                if (range.to() < range.from()) {
                    throw new BookingException(CommonError.INVALID_FIELD, rangeField + ".to");
                }
                total += (long) range.to() - range.from() + 1;
                if (total > maxSeats) {
                    throw new BookingException(ErrorCode.SEAT_MAP_TOO_LARGE, Integer.toString(maxSeats));
                }
                rangesByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(new int[] { range.from(), range.to() });
                for (int number = range.from(); number <= range.to(); number++) {
                    seats.add(new PlannedSeat(row, number, grade, price));
                }
            }
        }
        rangesByRow.forEach(SeatMapPlan::refuseOverlaps);
        return new SeatMapPlan(List.copyOf(seats));
    }

    private static void refuseOverlaps(String row, List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt(range -> range[0]));
        for (int i = 1; i < ranges.size(); i++) {
            int[] previous = ranges.get(i - 1);
            int[] next = ranges.get(i);
            if (next[0] <= previous[1]) {
                throw new BookingException(ErrorCode.OVERLAPPING_SEATS,
                        row + " " + next[0] + "-" + Math.min(previous[1], next[1]) + "번");
            }
        }
    }

    /** A row name as seat requests name it: 1 to 16 characters, no surrounding spaces or control characters. */
    public static String checkedRow(String row, String field) {
        if (row == null) {
            throw new BookingException(CommonError.MISSING_FIELD, field);
        }
        if (!isName(row, MAX_ROW_LENGTH)) {
            throw new BookingException(ErrorCode.INVALID_ROW, "\"" + row.replaceAll("\\p{Cntrl}", "") + "\"");
        }
        return row;
    }

    public static String checkedGrade(String grade, String field) {
        if (grade == null) {
            throw new BookingException(CommonError.MISSING_FIELD, field);
        }
        if (!isName(grade, MAX_GRADE_LENGTH)) {
            throw new BookingException(ErrorCode.INVALID_GRADE, "\"" + grade.replaceAll("\\p{Cntrl}", "") + "\"");
        }
        return grade;
    }

    public static long checkedPrice(Long price, String field) {
        if (price == null) {
            throw new BookingException(CommonError.MISSING_FIELD, field);
        }
        if (price < 0 || price > MAX_PRICE) {
            throw new BookingException(ErrorCode.INVALID_PRICE, price.toString());
        }
        return price;
    }

    private static boolean isName(String name, int maxLength) {
        return !name.isBlank() && name.strip().equals(name) && name.codePointCount(0, name.length()) <= maxLength
                && name.chars().noneMatch(Character::isISOControl);
    }
}
