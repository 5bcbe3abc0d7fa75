package shop.verdant.application.catalog.port;

import java.util.List;
import shop.verdant.domain.catalog.Category;

public interface CategoryRepository {
    List<Category> findAll();

    void save(Category category);

    /** Removes the category (only the admins' tree editor does, after moving what it held). */
    void delete(String categoryId);
}
